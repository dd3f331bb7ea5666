import type { EntityManager } from 'typeorm';
import type { AuditEntry } from '@claimtrail/audit';
import { preparedQueryIn } from '@claimtrail/persistence';
import { markReviewedEach, type ClaimReviewState } from './claim-review-state';
import type { Actor } from './lease.service';
import { reviewEvents } from './review-events';
import type { VerdictInput } from './verdict-rules';
import { toVerdictView, VERDICT_COLUMNS, type VerdictRow, type VerdictView } from './verdict-views';

export interface Submission {
  reviewer: Actor;
  claimId: string;
  token: string;
  input: VerdictInput;
  /** Chosen before writing, so the job can be completed with it before the row exists. */
  verdictId: string;
}

/** Ends a submission's lease by completing its claim's job; throws when the lease is lost. */
export type CompleteJob = (
  submission: Submission,
  claim: ClaimReviewState | undefined,
) => Promise<void>;

/**
 * Writes verdicts (rows locked by the caller, no claim twice). Each claim's job is completed
 * in Redis first, under the submission's lease token; only the verdicts whose job was
 * completed are written, and the others answer with their own error (a lost lease, a claim
 * that does not exist), so one refusal does not touch the rest.
 */
export async function writeVerdicts(
  tx: EntityManager,
  submissions: Submission[],
  claims: Map<string, ClaimReviewState>,
  complete: CompleteJob,
): Promise<{ outcomes: (VerdictView | Error)[]; events: AuditEntry[] }> {
  const refused = await Promise.all(
    submissions.map((s) =>
      complete(s, claims.get(s.claimId)).then(
        () => undefined,
        (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
      ),
    ),
  );
  const written = submissions.filter((_, i) => refused[i] === undefined);
  if (written.length === 0) return { outcomes: refused as Error[], events: [] };

  const rows = await preparedQueryIn<VerdictRow>(
    tx,
    `INSERT INTO verdicts (id, claim_id, reviewer_id, attribution, veracity, rationale, evidence, reverify_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[],
       $7::jsonb[], $8::timestamptz[])
     RETURNING ${VERDICT_COLUMNS}`,
    [
      written.map((s) => s.verdictId),
      written.map((s) => s.claimId),
      written.map((s) => s.reviewer.id),
      written.map((s) => s.input.attribution),
      written.map((s) => s.input.veracity),
      written.map((s) => s.input.rationale ?? null),
      written.map((s) => JSON.stringify(s.input.evidence ?? [])),
      written.map((s) => s.input.reverifyAt ?? null),
    ],
  );
  const verdicts = new Map(rows.map((r) => [r.id, toVerdictView(r)]));
  const versions = await markReviewedEach(
    tx,
    written.map((s) => ({
      claimId: s.claimId,
      verdictId: s.verdictId,
      reverifyAt: s.input.reverifyAt ?? null,
    })),
  );
  const events = written.map((s) => {
    const claim = claims.get(s.claimId)!;
    return reviewEvents.reviewed(
      s.reviewer.actor,
      s.claimId,
      { status: claim.status, version: claim.version, verdictId: claim.currentVerdictId },
      versions.get(s.claimId)!,
      verdicts.get(s.verdictId)!,
    );
  });
  return {
    outcomes: submissions.map((s, i) => refused[i] ?? verdicts.get(s.verdictId)!),
    events,
  };
}
