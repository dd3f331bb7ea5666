import type { EntityManager } from 'typeorm';
import { preparedQueryIn } from '@claimtrail/persistence';
import type { VerdictInput } from './verdict-rules';
import { VERDICT_COLUMNS, type VerdictRow } from './verdict-views';

/** A verdict to insert; its claim becomes reviewed with it as the current verdict. */
export interface NewVerdict {
  id: string;
  claimId: string;
  reviewerId: string;
  input: VerdictInput;
}

/** A lease to record on its claim. */
export interface NewLease {
  claimId: string;
  holder: string;
  queue: string;
  expiresAt: Date;
}

/**
 * What one review batch changes (rows locked by the caller, no claim twice): verdicts given
 * (each claim reviewed with its verdict), leases taken, and claims put back to waiting.
 */
export interface ReviewChanges {
  verdicts: NewVerdict[];
  leases: NewLease[];
  waiting: string[];
}

/**
 * Writes a review batch's changes in one statement, however many of each kind: the verdicts
 * inserted, and every claim they or the leases change, each with its version bumped (the
 * optimistic lock editors write with) and the lease columns set exactly while it is in
 * review. Returns the inserted verdicts. Under load a round trip to Postgres costs more than
 * the statements themselves, and a review batch runs while the audit log's writers queue.
 *
 * The claims' foreign key to their current verdict is checked at the end of the statement,
 * when the verdicts inserted by it are there.
 */
export async function writeReviewChanges(
  tx: EntityManager,
  { verdicts, leases, waiting }: ReviewChanges,
): Promise<VerdictRow[]> {
  if (verdicts.length + leases.length + waiting.length === 0) return [];
  const rows = await preparedQueryIn<VerdictRow & { claims_changed: number }>(
    tx,
    `WITH given AS (
       INSERT INTO verdicts (id, claim_id, reviewer_id, attribution, veracity, rationale, evidence,
         reverify_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[],
         $7::jsonb[], $8::timestamptz[])
       RETURNING ${VERDICT_COLUMNS}
     ), reviewed AS (
       -- the assignment was "review this claim": done
       UPDATE claims c SET status = 'reviewed', current_verdict_id = g.id,
         reverify_at = g.reverify_at, assigned_to = NULL, lease_holder = NULL, lease_queue = NULL,
         lease_expires_at = NULL, version = c.version + 1, updated_at = now()
       FROM given g WHERE c.id = g.claim_id
       RETURNING c.id
     ), leased AS (
       UPDATE claims c SET status = 'in_review', lease_holder = u.holder, lease_queue = u.queue,
         lease_expires_at = u.expires_at, version = c.version + 1, updated_at = now()
       FROM unnest($9::uuid[], $10::uuid[], $11::text[], $12::timestamptz[])
         AS u(id, holder, queue, expires_at)
       WHERE c.id = u.id
       RETURNING c.id
     ), waiting AS (
       UPDATE claims c SET status = 'queued', lease_holder = NULL, lease_queue = NULL,
         lease_expires_at = NULL, version = c.version + 1, updated_at = now()
       FROM unnest($13::uuid[]) AS u(id)
       WHERE c.id = u.id
       RETURNING c.id
     )
     -- one row at least, for the count, whether or not verdicts were given
     SELECT n.claims_changed, g.*
     FROM (SELECT (SELECT count(*) FROM reviewed) + (SELECT count(*) FROM leased)
       + (SELECT count(*) FROM waiting) AS claims_changed) n
     LEFT JOIN given g ON true`,
    [
      verdicts.map((v) => v.id),
      verdicts.map((v) => v.claimId),
      verdicts.map((v) => v.reviewerId),
      verdicts.map((v) => v.input.attribution),
      verdicts.map((v) => v.input.veracity),
      verdicts.map((v) => v.input.rationale ?? null),
      verdicts.map((v) => JSON.stringify(v.input.evidence ?? [])),
      verdicts.map((v) => v.input.reverifyAt ?? null),
      leases.map((l) => l.claimId),
      leases.map((l) => l.holder),
      leases.map((l) => l.queue),
      leases.map((l) => l.expiresAt),
      waiting,
    ],
  );
  const expected = verdicts.length + leases.length + waiting.length;
  if (Number(rows[0]!.claims_changed) !== expected)
    throw new Error('claim rows went missing under their locks');
  return rows.filter((r) => r.id !== null);
}
