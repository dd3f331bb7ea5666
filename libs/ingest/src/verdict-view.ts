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

/** The current verdict's columns (in `verdicts`) under the names the claim reads give them. */
const CURRENT_VERDICT_FIELDS = [
  ['verdict_id', 'id'],
  ['verdict_reviewer_id', 'reviewer_id'],
  ['verdict_attribution', 'attribution'],
  ['verdict_veracity', 'veracity'],
  ['verdict_rationale', 'rationale'],
  ['verdict_evidence', 'evidence'],
  ['verdict_reverify_at', 'reverify_at'],
  ['verdict_created_at', 'created_at'],
] as const;

/**
 * The current verdict's columns, joined to the claim (`v`, LEFT JOINed on
 * claims.current_verdict_id) under names of their own: the claim has an id and a
 * reverify_at too. Named, not v.*, for the same reason as the claim's (prepared statements).
 */
export const CURRENT_VERDICT_COLUMNS = CURRENT_VERDICT_FIELDS.map(
  ([name, column]) => `v.${column} AS ${name}`,
).join(', ');

/**
 * The same columns as the name/value pairs of a json_build_object, from the verdicts row
 * `alias` (read them back with verdictColumnsFromJson).
 */
export const currentVerdictJsonPairs = (alias: string): string =>
  CURRENT_VERDICT_FIELDS.map(([name, column]) => `'${name}', ${alias}.${column}`).join(', ');

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

/** The columns of currentVerdictJsonPairs as pg gives them as columns (times as Dates). */
export function verdictColumnsFromJson(
  json: Omit<CurrentVerdictColumns, 'verdict_reverify_at' | 'verdict_created_at'> & {
    verdict_reverify_at: string | null;
    verdict_created_at: string;
  },
): CurrentVerdictColumns {
  return {
    ...json,
    // JSON gives timestamptz as ISO 8601 text with microseconds; Date keeps milliseconds,
    // cut as pg cuts them
    verdict_reverify_at:
      json.verdict_reverify_at === null ? null : new Date(json.verdict_reverify_at),
    verdict_created_at: new Date(json.verdict_created_at),
  };
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
