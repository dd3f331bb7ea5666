import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEntry, AuditLog } from '@claimtrail/audit';
import { DomainError } from '@claimtrail/ingest';
import { notifyClaimsChanged, preparedQueryIn, type ClaimStatus } from '@claimtrail/persistence';
import type { RecheckReason } from '@claimtrail/queues';
import { claimNotFound } from './lease-errors';
import type { Actor } from './lease.service';
import { partitionOf } from './review-partitions';
import type { ReviewQueues } from './review-queues';
import { byPartition } from './review-router';

/** The audit actor of the scheduled sweep. */
export const REVERIFY_SYSTEM_ACTOR = 'system:reverify';
/** Claims put back per sweep transaction. */
export const REVERIFY_BATCH = 500;

/** A claim just put back to waiting, as the statement below returns it. */
interface Requeued {
  id: string;
  article_id: string;
  checkworthiness: number;
  language: string;
  outlet: string | null;
  assigned_to: string | null;
  version: number;
  before_version: number;
  due_at: Date | null;
  verdict_id: string | null;
}

/**
 * Puts the claims `pick` selects (and locks) back to waiting: their verdict stays current
 * (reviewers see what they re-check), their due date is cleared. Only a claim still
 * reviewed is changed.
 */
const requeueSql = (pick: string) => `
  WITH picked AS (${pick})
  UPDATE claims c SET status = 'queued', reverify_at = NULL, requeued_at = now(),
    version = c.version + 1, updated_at = now()
  FROM picked, articles a
  WHERE c.id = picked.id AND a.id = c.article_id AND c.status = 'reviewed'
  RETURNING c.id, c.article_id, c.checkworthiness, c.language, a.outlet, c.assigned_to,
    c.version, picked.version AS before_version, picked.reverify_at AS due_at,
    c.current_verdict_id AS verdict_id`;

// soonest first, by the partial index on reverify_at of reviewed claims. A claim is taken
// under its row lock and only while still reviewed, so it goes back once however many take
// part; SKIP LOCKED lets two sweeps at once (two workers) share the claims due instead of
// waiting for each other, and passes over a claim an editor is sending back
const DUE = requeueSql(`
  SELECT id, version, reverify_at FROM claims
  WHERE status = 'reviewed' AND reverify_at <= now()
  ORDER BY reverify_at LIMIT $1 FOR NO KEY UPDATE SKIP LOCKED`);
const ONE = requeueSql(`
  SELECT id, version, reverify_at FROM claims WHERE id = $1 AND status = 'reviewed' FOR NO KEY UPDATE`);

const ACTIONS: Record<RecheckReason, string> = {
  'reverify-due': 'claim.reverify_due',
  'reverify-manual': 'claim.reverify_requested',
};

const event = (actor: string, reason: RecheckReason, r: Requeued): AuditEntry => ({
  actor,
  action: ACTIONS[reason],
  entityType: 'claim',
  entityId: r.id,
  before: {
    status: 'reviewed',
    version: r.before_version,
    verdictId: r.verdict_id,
    reverifyAt: r.due_at?.toISOString() ?? null,
  },
  after: { status: 'queued', version: r.version, reason, previousVerdictId: r.verdict_id },
});

/**
 * Re-verification: reviewed claims whose verdict is due (the scheduled sweep) or that an
 * editor sends back are put back on the review queue, with the reason and the verdict to
 * re-check. Postgres changes first, in one transaction with the audit events and the
 * claim-change notification; the review jobs are added after the commit. If adding them
 * fails, the claims wait in Postgres and the reconciler puts them on their partitions.
 */
export class ReverificationService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
    private readonly queues: ReviewQueues,
    /** Jobs not added after the commit (Redis away): reported, the reconciler adds them. */
    private readonly onEnqueueError: (e: unknown) => void = () => undefined,
  ) {}

  /** Puts back every claim due by now, in batches; the number put back. */
  async sweepDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await this.db.transaction((tx) =>
        this.requeue(tx, DUE, [REVERIFY_BATCH], REVERIFY_SYSTEM_ACTOR, 'reverify-due'),
      );
      await this.enqueue(rows, 'reverify-due');
      total += rows.length;
      if (rows.length < REVERIFY_BATCH) return total;
    }
  }

  /**
   * An editor sends a reviewed claim back to review now. Not found: 404; a claim that is
   * not reviewed (waiting or in review already) is a conflict.
   */
  async reverify(editor: Actor, claimId: string): Promise<void> {
    const rows = await this.db.transaction(async (tx) => {
      const requeued = await this.requeue(tx, ONE, [claimId], editor.actor, 'reverify-manual');
      if (requeued.length > 0) return requeued;
      const [claim] = await tx.query<{ status: ClaimStatus }[]>(
        'SELECT status FROM claims WHERE id = $1',
        [claimId],
      );
      if (!claim) throw claimNotFound(claimId);
      throw new DomainError(
        'conflict',
        `claim ${claimId} is ${claim.status === 'queued' ? 'waiting for review' : 'in review'} already: only a reviewed claim can be sent back for re-verification`,
      );
    });
    await this.enqueue(rows, 'reverify-manual');
  }

  private async requeue(
    tx: EntityManager,
    sql: string,
    params: unknown[],
    actor: string,
    reason: RecheckReason,
  ): Promise<Requeued[]> {
    const rows = await preparedQueryIn<Requeued>(tx, sql, params);
    if (rows.length === 0) return rows;
    await this.audit.append(
      tx,
      rows.map((r) => event(actor, reason, r)),
    );
    await notifyClaimsChanged(
      tx,
      rows.map((r) => r.id),
    );
    return rows;
  }

  private async enqueue(rows: Requeued[], reason: RecheckReason): Promise<void> {
    if (rows.length === 0) return;
    const claims = rows.map((r) => ({
      id: r.id,
      articleId: r.article_id,
      checkworthiness: r.checkworthiness,
      reason,
      ...(r.verdict_id ? { previousVerdictId: r.verdict_id } : {}),
      partition: partitionOf({ language: r.language, outlet: r.outlet, assignedTo: r.assigned_to }),
    }));
    await this.queues.add(byPartition(claims)).catch(this.onEnqueueError);
  }
}
