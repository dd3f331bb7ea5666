import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ClaimDto } from '../claims/claim.dto';
import { EvidenceDto, VerdictDto } from '../claims/verdict.dto';

// the Verdict schema lives with the claim reads, which show it too
export { EvidenceDto, VerdictDto };

/** The contract's Claim, with its current verdict once reviewed (as ClaimDto shows it). */
export class ReviewClaimDto extends ClaimDto {}

export class LeaseInfoDto {
  @ApiProperty({
    format: 'uuid',
    description: 'Proof of the lease: give it to heartbeat, release and verdict.',
  })
  token!: string;
  @ApiProperty({
    format: 'date-time',
    description:
      'The lease ends then unless extended with a heartbeat (REVIEW_LEASE_MS after the lease or the last heartbeat); the claim then waits for someone else.',
  })
  expiresAt!: string;
}

export class RecheckDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The verdict to re-check: the claim’s current one, shown as claim.verdict.',
  })
  previousVerdictId!: string;
  @ApiProperty({
    type: String,
    enum: ['reverify-due', 'reverify-manual'],
    nullable: true,
    description:
      'reverify-due: its re-verification date passed; reverify-manual: an editor sent it back; null when not known (its job was put back after Redis lost it).',
  })
  reason!: 'reverify-due' | 'reverify-manual' | null;
}

export class LeaseDto {
  @ApiProperty({ type: ReviewClaimDto }) claim!: ReviewClaimDto;
  @ApiProperty({ type: LeaseInfoDto }) lease!: LeaseInfoDto;
  @ApiPropertyOptional({
    type: RecheckDto,
    description: 'Present when the claim was reviewed before: this lease is a re-verification.',
  })
  recheck?: RecheckDto;
}

export class HeartbeatDto {
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class ReviewCountsDto {
  @ApiProperty({ description: 'Claims waiting for a reviewer (status queued).' })
  waiting!: number;
  @ApiProperty({ description: 'Claims under a lease (status in_review).' }) leased!: number;
  @ApiProperty({ description: 'Claims with a verdict (status reviewed).' }) reviewed!: number;
}

@ApiExtraModels(ReviewCountsDto)
export class ReviewStatsDto extends ReviewCountsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(ReviewCountsDto) },
    example: { ar: { waiting: 120, leased: 4, reviewed: 310 } },
    description: 'The same counts per claim language.',
  })
  byLanguage!: Record<string, ReviewCountsDto>;
  @ApiProperty({
    description:
      'Age in seconds of the oldest waiting claim, counted from its extraction (or, for a claim back for re-verification, from when it went back); 0 when none waits.',
  })
  oldestWaitingSeconds!: number;
}
