import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, MaxLength, MinLength } from 'class-validator';
import { SOURCE_KINDS } from '@claimtrail/attribution';
import { SOURCE_SORTS } from '@claimtrail/ingest';
import { ATTRIBUTIONS, VERACITIES } from '@claimtrail/persistence';
import { PageDto, PageQueryDto } from '../common/page-query.dto';
import { IsStorableText } from '../common/validators';

/** Every value of an axis, with how many of the source's current verdicts have it. */
const countsOf = (values: readonly string[]) => ({
  type: 'object' as const,
  properties: Object.fromEntries(values.map((v) => [v, { type: 'integer' as const }])),
  required: [...values],
});

/** From the current verdicts of the claims the source made (not those it relayed). */
export class TrackRecordDto {
  @ApiProperty({ description: 'Claims this source made.' }) claims!: number;
  @ApiProperty({
    description:
      'Of those, how many have a verdict (a claim back for re-verification keeps its last one).',
  })
  reviewed!: number;
  @ApiProperty({ ...countsOf(VERACITIES), example: { true: 1, false: 2 } })
  byVeracity!: Record<string, number>;
  @ApiProperty({ ...countsOf(ATTRIBUTIONS), example: { confirmed: 3 } })
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

  @ApiPropertyOptional({
    enum: SOURCE_SORTS,
    description:
      'Most first, by a track record count: claims made, claims reviewed, or claims whose current verdict has this veracity or attribution (ties oldest first). Default: oldest first.',
  })
  @IsOptional()
  @IsIn(SOURCE_SORTS)
  sort?: string;
}
