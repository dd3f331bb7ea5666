import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EXPORT_KINDS, EXPORT_STATUSES, type ExportKind } from '@claimtrail/persistence';
import { PageDto, PageQueryDto } from '../common/page-query.dto';
import { IsIsoDateInRange } from '../common/validators';

export class CreateExportDto {
  @ApiProperty({
    enum: EXPORT_KINDS,
    description:
      'audit-csv and audit-jsonl: the audit log; claims-csv: one row per claim with its current verdict; claimreview: a JSON-LD array of schema.org ClaimReview, one per claim with a verdict.',
  })
  @IsIn(EXPORT_KINDS, { message: `kind must be one of ${EXPORT_KINDS.join(', ')}` })
  kind!: ExportKind;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'Only what happened at or after this time: audit events by their time, claims by when they were extracted, reviews by when the verdict was given.',
  })
  @IsOptional()
  @IsIsoDateInRange(Infinity)
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Only what happened before this time; not before `from`.',
  })
  @IsOptional()
  @IsIsoDateInRange(Infinity)
  to?: string;
}

export class ExportCreatedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EXPORT_STATUSES, example: 'queued' }) status!: string;
}

export class ExportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EXPORT_KINDS }) kind!: string;
  @ApiProperty({
    enum: EXPORT_STATUSES,
    description:
      'expired: it was done, and its file was deleted once EXPORT_RETENTION had passed (a download answers 410).',
  })
  status!: string;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Share of the rows written, in %.' })
  progress!: number;
  @ApiPropertyOptional({ format: 'date-time' }) from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) to?: string;
  @ApiPropertyOptional({ description: 'Rows written (once done).' }) rows?: number;
  @ApiPropertyOptional({ description: 'Size of the file in bytes (once done).' }) bytes?: number;
  @ApiPropertyOptional({ description: 'SHA-256 of the file, hex (once done).' }) sha256?: string;
  @ApiPropertyOptional({
    description:
      'The audit chain head the export was cut at: the seq of the last event it reflects (audit exports end there).',
  })
  auditHeadSeq?: number;
  @ApiPropertyOptional({ description: 'The hash of that event.' }) auditHeadHash?: string;
  @ApiPropertyOptional({ description: 'Why it failed (status failed).' }) error?: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt?: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When its file was deleted (status expired).',
  })
  expiredAt?: string;
}

export class ExportPageDto extends PageDto {
  @ApiProperty({ type: [ExportDto] }) items!: ExportDto[];
}

export class ExportQueryDto extends PageQueryDto {}
