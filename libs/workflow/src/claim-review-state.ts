import type { DataSource, EntityManager } from 'typeorm';
import { preparedQueryIn, type ClaimStatus } from '@claimtrail/persistence';
import type { RoutedClaim } from './review-router';
import { partitionOf } from './review-partitions';

/**
 * The review side of a claim row, and the statements that change it. Every change bumps the
 * claim's version (the optimistic lock editors write with); the lease columns are set
 * exactly while the claim is in review.
 *
 * Claim rows are locked FOR NO KEY UPDATE, as UPDATE itself locks them: writers of a claim
 * exclude each other, while rows that merely reference it (a verdict, a source link, a
 * similar claim linked by an extraction) take their foreign-key locks without waiting, so no
 * lock cycle runs through those checks.
 */
export interface ClaimReviewState {
  id: string;
  articleId: string;
  checkworthiness: number;
  status: ClaimStatus;
  version: number;
  /** Where the claim's job belongs now (its assignee's partition, or the pool's). */
  partition: string;
  assignedTo: string | null;
  leaseHolder: string | null;
  leaseQueue: string | null;
  leaseExpiresAt: Date | null;
  /** The recorded lease ran out (by Postgres's clock), or there is none. */
  leaseLapsed: boolean;
  currentVerdictId: string | null;
}

interface Row {
  id: string;
  article_id: string;
  checkworthiness: number;
  status: ClaimStatus;
  version: number;
  language: string;
  outlet: string | null;
  assigned_to: string | null;
  lease_holder: string | null;
  lease_queue: string | null;
  lease_expires_at: Date | null;
  lease_lapsed: boolean;
  current_verdict_id: string | null;
}

const SELECT_ALL = `
  SELECT c.id, c.article_id, c.checkworthiness, c.status, c.version, c.language, a.outlet,
    c.assigned_to, c.lease_holder, c.lease_queue, c.lease_expires_at,
    (c.lease_expires_at IS NULL OR c.lease_expires_at < now()) AS lease_lapsed, c.current_verdict_id
  FROM claims c JOIN articles a ON a.id = c.article_id`;
const SELECT = `${SELECT_ALL} WHERE c.id = $1`;

const toState = (r: Row): ClaimReviewState => ({
  id: r.id,
  articleId: r.article_id,
  checkworthiness: r.checkworthiness,
  status: r.status,
  version: r.version,
  partition: partitionOf({ language: r.language, outlet: r.outlet, assignedTo: r.assigned_to }),
  assignedTo: r.assigned_to,
  leaseHolder: r.lease_holder,
  leaseQueue: r.lease_queue,
  leaseExpiresAt: r.lease_expires_at,
  leaseLapsed: r.lease_lapsed,
  currentVerdictId: r.current_verdict_id,
});

/** The claim's review state, its row locked until the transaction ends. */
export async function lockClaim(
  tx: EntityManager,
  claimId: string,
): Promise<ClaimReviewState | undefined> {
  const rows = await tx.query<Row[]>(`${SELECT} FOR NO KEY UPDATE OF c`, [claimId]);
  return rows[0] && toState(rows[0]);
}

/**
 * The review state of each of the claims that exist, their rows locked until the transaction
 * ends. Rows are locked in id order, so two batches that share claims cannot deadlock.
 */
export async function lockClaims(
  tx: EntityManager,
  claimIds: string[],
): Promise<Map<string, ClaimReviewState>> {
  const rows = await preparedQueryIn<Row>(
    tx,
    `${SELECT_ALL} WHERE c.id = ANY($1::uuid[]) ORDER BY c.id FOR NO KEY UPDATE OF c`,
    [claimIds],
  );
  return new Map(rows.map((r) => [r.id, toState(r)]));
}

export async function readClaim(
  db: DataSource | EntityManager,
  claimId: string,
): Promise<ClaimReviewState | undefined> {
  const rows = await db.query<Row[]>(SELECT, [claimId]);
  return rows[0] && toState(rows[0]);
}

/** What a review job is made from, and where it goes, for a claim in this state. */
export const routed = (s: ClaimReviewState): RoutedClaim => ({
  id: s.id,
  articleId: s.articleId,
  checkworthiness: s.checkworthiness,
  partition: s.partition,
});

async function update(tx: EntityManager, sql: string, values: unknown[]): Promise<number> {
  // TypeORM answers an UPDATE with [rows, affected count]
  const [rows] = await tx.query<[{ version: number }[], number]>(
    `UPDATE claims SET ${sql}, version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`,
    values,
  );
  if (!rows[0]) throw new Error('the claim row went missing under its lock');
  return rows[0].version;
}

export function markWaiting(tx: EntityManager, claimId: string): Promise<number> {
  return update(
    tx,
    `status = 'queued', lease_holder = NULL, lease_queue = NULL, lease_expires_at = NULL`,
    [claimId],
  );
}

export function markAssigned(
  tx: EntityManager,
  claimId: string,
  apiKeyId: string,
): Promise<number> {
  return update(tx, `assigned_to = $2`, [claimId, apiKeyId]);
}

/** Records a heartbeat's new expiry (no version change: the claim itself did not change). */
export async function recordLeaseExpiry(
  db: DataSource,
  claimId: string,
  queue: string,
  expiresAt: Date,
): Promise<void> {
  await db.query(
    `UPDATE claims SET lease_expires_at = $3 WHERE id = $1 AND lease_queue = $2 AND status = 'in_review'`,
    [claimId, queue, expiresAt],
  );
}
