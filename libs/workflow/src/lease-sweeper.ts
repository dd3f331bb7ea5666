import type { DataSource } from 'typeorm';
import type { AuditLog } from '@claimtrail/audit';
import { notifyClaimsChanged } from '@claimtrail/persistence';
import { reviewEvents } from './review-events';

/** Claims returned per sweep transaction. */
const BATCH = 500;

/**
 * Makes Postgres agree that a lease ran out: a claim still in review after its recorded
 * lease expired (plus `graceMs`, by which time BullMQ has put its job back on the queue)
 * waits again, with a `claim.lease_expired` audit event. This is also what recovers a claim
 * whose verdict's commit failed after its job was completed, or whose job Redis lost: once
 * it is waiting in Postgres, the reconciler puts it back on its queue.
 */
export class LeaseSweeper {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
    private readonly graceMs: number,
  ) {}

  /** Returns every lapsed lease; the number of claims that wait again. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const swept = await this.sweepBatch();
      total += swept;
      if (swept < BATCH) return total;
    }
  }

  private sweepBatch(): Promise<number> {
    return this.db.transaction(async (tx) => {
      // SKIP LOCKED: a claim whose verdict or release is being written is not expired under
      // it, and two processes sweeping at once share the work instead of waiting
      const lapsed = await tx.query<
        { id: string; version: number; lease_holder: string; lease_expires_at: Date }[]
      >(
        `SELECT id, version, lease_holder, lease_expires_at FROM claims
         WHERE status = 'in_review' AND lease_expires_at < now() - $1 * interval '1 millisecond'
         ORDER BY id LIMIT $2 FOR NO KEY UPDATE SKIP LOCKED`,
        [this.graceMs, BATCH],
      );
      if (lapsed.length === 0) return 0;
      const ids = lapsed.map((c) => c.id);
      await tx.query(
        `UPDATE claims SET status = 'queued', lease_holder = NULL, lease_queue = NULL,
           lease_expires_at = NULL, version = version + 1, updated_at = now()
         WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      await this.audit.append(
        tx,
        lapsed.map((c) =>
          reviewEvents.leaseExpired(
            c.id,
            { version: c.version, reviewerId: c.lease_holder, expiresAt: c.lease_expires_at },
            { status: 'queued', version: c.version + 1 },
          ),
        ),
      );
      await notifyClaimsChanged(tx, ids);
      return lapsed.length;
    });
  }
}
