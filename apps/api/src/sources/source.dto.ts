import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, MaxLength, MinLength } from 'class-validator';
import { SOURCE_KINDS } from '@claimtrail/attribution';
import { PageDto, PageQueryDto } from '../common/page-query.dto';
import { IsStorableText } from '../common/validators';

export class TrackRecordDto {
  @ApiProperty({ description: 'Claims this source made.' }) claims!: number;
  @ApiProperty({ description: 'Of those, how many were reviewed.' }) reviewed!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { false: 2 } })
  byVeracity!: Record<string, number>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { confirmed: 3 },
  })
  byAttribution!: Record<string, number>;
}

export class SourceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'US officials' }) name!: string;
  @ApiProperty({ enum: SOURCE_KINDS }) kind!: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Identity withheld (null: unclear).' })
  anonymous!: boolean | null;
  @ApiProperty({ type: [String] }) aliases!: string[];
  @ApiProperty({ type: TrackRecordDto }) trackRecord!: TrackRecordDto;
}

export class SourcePageDto extends PageDto {
  @ApiProperty({ type: [SourceDto] }) items!: SourceDto[];
}

export class SourceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or of an alias.', maxLength: 200 })
  @IsOptional()
  @IsStorableText()
  @MinLength(1)
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: SOURCE_KINDS })
  @IsOptional()
  @IsIn(SOURCE_KINDS)
  kind?: string;
}
