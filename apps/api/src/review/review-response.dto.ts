import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
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

export class LeaseDto {
  @ApiProperty({ type: ReviewClaimDto }) claim!: ReviewClaimDto;
  @ApiProperty({ type: LeaseInfoDto }) lease!: LeaseInfoDto;
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
      'Age in seconds of the oldest waiting claim, counted from its extraction; 0 when none waits.',
  })
  oldestWaitingSeconds!: number;
}
