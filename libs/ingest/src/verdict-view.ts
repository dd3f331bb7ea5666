import type { Attribution, EvidenceLink, Veracity } from '@claimtrail/persistence';

/** The contract's Verdict, as the claim reads show a claim's current one. */
export interface CurrentVerdictView {
  id: string;
  claimId: string;
  reviewerId: string;
  attribution: Attribution;
  veracity: Veracity;
  rationale: string | null;
  evidence: EvidenceLink[];
  reverifyAt: string | null;
  createdAt: string;
}

/**
 * The current verdict's columns, joined to the claim (`v`, LEFT JOINed on
 * claims.current_verdict_id) under names of their own: the claim has an id and a
 * reverify_at too. Named, not v.*, for the same reason as the claim's (prepared statements).
 */
export const CURRENT_VERDICT_COLUMNS = `v.id AS verdict_id, v.reviewer_id AS verdict_reviewer_id,
    v.attribution AS verdict_attribution, v.veracity AS verdict_veracity,
    v.rationale AS verdict_rationale, v.evidence AS verdict_evidence,
    v.reverify_at AS verdict_reverify_at, v.created_at AS verdict_created_at`;

export interface CurrentVerdictColumns {
  verdict_id: string | null;
  verdict_reviewer_id: string;
  verdict_attribution: Attribution;
  verdict_veracity: Veracity;
  verdict_rationale: string | null;
  verdict_evidence: EvidenceLink[];
  verdict_reverify_at: Date | null;
  verdict_created_at: Date;
}

/** The claim's current verdict, or undefined before its first review. */
export function currentVerdictOf(
  claimId: string,
  r: CurrentVerdictColumns,
): CurrentVerdictView | undefined {
  if (r.verdict_id === null) return undefined;
  return {
    id: r.verdict_id,
    claimId,
    reviewerId: r.verdict_reviewer_id,
    attribution: r.verdict_attribution,
    veracity: r.verdict_veracity,
    rationale: r.verdict_rationale,
    evidence: r.verdict_evidence,
    reverifyAt: r.verdict_reverify_at?.toISOString() ?? null,
    createdAt: r.verdict_created_at.toISOString(),
  };
}
