import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { PageDto, PageQueryDto } from '../common/page-query.dto';
import { IsIsoDateInRange, IsStorableText } from '../common/validators';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'article', description: 'article, claim, source, api_key, …' })
  @IsOptional()
  @Matches(/^[a-z_]{1,64}$/, { message: 'entityType must be lower-case letters and _' })
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsStorableText()
  @MinLength(1)
  @MaxLength(200)
  entityId?: string;

  @ApiPropertyOptional({ example: 'key:6f1c…', description: 'key:<apiKeyId> or system:<name>.' })
  @IsOptional()
  @IsStorableText()
  @MinLength(1)
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events at or after this time.' })
  @IsOptional()
  @IsIsoDateInRange(Infinity)
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events before this time.' })
  @IsOptional()
  @IsIsoDateInRange(Infinity)
  to?: string;
}

export class AuditEventDto {
  @ApiProperty({ description: 'Sequence number: 1, 2, 3… without gaps.' }) seq!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'key:6f1c…' }) actor!: string;
  @ApiProperty({ example: 'article.accepted' }) action!: string;
  @ApiProperty({ example: 'article' }) entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ nullable: true, description: 'State before the change (JSON).' }) before!: unknown;
  @ApiProperty({ nullable: true, description: 'State after the change (JSON).' }) after!: unknown;
  @ApiProperty({ description: 'Hash of the previous event (64 zeros for the first).' })
  prevHash!: string;
  @ApiProperty({ description: 'SHA-256 over prevHash and the canonical event.' }) hash!: string;
}

export class AuditPageDto extends PageDto {
  @ApiProperty({ type: [AuditEventDto] }) items!: AuditEventDto[];
}

export class AuditVerifyDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Events checked before the first bad one (all when ok).' })
  checked!: number;
  @ApiProperty() headSeq!: number;
  @ApiProperty() headHash!: string;
  @ApiPropertyOptional({ description: 'The first event whose hash or link does not match.' })
  firstBadSeq?: number;
}
