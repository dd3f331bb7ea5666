import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ATTRIBUTIONS, VERACITIES } from '@claimtrail/persistence';

export class EvidenceDto {
  @ApiProperty({ format: 'uri' }) url!: string;
  @ApiPropertyOptional() note?: string;
}

/** The contract's Verdict: claims show their current one, and GET /claims/:id all of them. */
export class VerdictDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) claimId!: string;
  @ApiProperty({ format: 'uuid', description: 'The API key that gave the verdict.' })
  reviewerId!: string;
  @ApiProperty({ enum: ATTRIBUTIONS }) attribution!: string;
  @ApiProperty({ enum: VERACITIES }) veracity!: string;
  @ApiProperty({ type: String, nullable: true }) rationale!: string | null;
  @ApiProperty({ type: [EvidenceDto] }) evidence!: EvidenceDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reverifyAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
