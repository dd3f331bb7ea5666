import { unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog, type AuditEntry } from '@claimtrail/audit';
import { EXPORT_ACTOR } from './export-records';

/** Exports expired per transaction: each holds its rows' locks while their files are deleted. */
export const EXPORT_EXPIRY_BATCH = 100;

/** What one sweep did. */
export interface ExpirySummary {
  /** Exports marked expired. */
  expired: number;
  /** Of those, the ones whose file was gone already (deleted by hand, another disk). */
  missing: number;
  /** Exports whose file could not be deleted: left done, and tried again by the next sweep. */
  failed: { id: string; error: string }[];
}

interface Candidate {
  id: string;
  file: string | null;
  finished_at: Date;
}

// oldest first; SKIP LOCKED lets two sweeps at once (two workers) share the work instead of
// waiting for each other, and `skip` passes over the files this sweep could not delete, so
// that one undeletable file never holds up the others. Exports are few (people ask for them),
// so the scan of the done ones needs no index of its own
const CANDIDATES = `
  SELECT id, file, finished_at FROM exports
  WHERE status = 'done' AND finished_at <= now() - $1::float8 * interval '1 millisecond'
    AND NOT (id = ANY($2::uuid[]))
  ORDER BY finished_at, id LIMIT $3 FOR UPDATE SKIP LOCKED`;

/**
 * Export retention: the file of an export finished more than `retentionMs` ago is deleted
 * from EXPORT_DIR, and the export marked `expired` (with `expired_at`) with an
 * `export.expired` audit event. The row stays: its hash and chain head still describe what
 * the file held.
 *
 * Each batch deletes its files while holding the rows' locks, then commits the new status
 * with the events. Whatever fails on the way converges on the next sweep: a file that could
 * not be deleted leaves its export done (the transaction still expires the others); a commit
 * that fails after the deletions leaves exports done without a file, which the next sweep
 * expires (a file already missing is no error).
 */
export class ExportRetention {
  constructor(
    private readonly db: DataSource,
    private readonly exportDir: string,
    private readonly retentionMs: number,
    private readonly audit: AuditLog = new AuditLog(),
    private readonly batch = EXPORT_EXPIRY_BATCH,
  ) {}

  /** Expires every export whose retention has run out, in batches. */
  async sweep(): Promise<ExpirySummary> {
    const summary: ExpirySummary = { expired: 0, missing: 0, failed: [] };
    for (;;) {
      const skip = summary.failed.map((f) => f.id);
      const taken = await this.db.transaction((tx) => this.expireBatch(tx, skip, summary));
      if (taken < this.batch) return summary;
    }
  }

  /** One transaction: deletes the files of up to `batch` exports and expires them; how many it took. */
  private async expireBatch(
    tx: EntityManager,
    skip: string[],
    summary: ExpirySummary,
  ): Promise<number> {
    const rows = await tx.query<Candidate[]>(CANDIDATES, [this.retentionMs, skip, this.batch]);
    const expired: { row: Candidate; deleted: boolean }[] = [];
    for (const row of rows) {
      try {
        expired.push({ row, deleted: await this.remove(row.file) });
      } catch (e) {
        summary.failed.push({ id: row.id, error: (e as Error).message });
      }
    }
    if (expired.length === 0) return rows.length;
    await tx.query(
      `UPDATE exports SET status = 'expired', expired_at = now() WHERE id = ANY($1::uuid[])`,
      [expired.map((x) => x.row.id)],
    );
    await this.audit.append(
      tx,
      expired.map(({ row, deleted }): AuditEntry => ({
        actor: EXPORT_ACTOR,
        action: 'export.expired',
        entityType: 'export',
        entityId: row.id,
        before: { status: 'done', file: row.file, finishedAt: row.finished_at.toISOString() },
        after: { status: 'expired', fileDeleted: deleted, retentionMs: this.retentionMs },
      })),
    );
    summary.expired += expired.length;
    summary.missing += expired.filter((x) => !x.deleted).length;
    return rows.length;
  }

  /** Deletes an export's file: true when deleted, false when it was not there. */
  private async remove(file: string | null): Promise<boolean> {
    if (file === null) return false;
    // the worker records a bare file name; anything else is not this sweep's to delete
    if (basename(file) !== file) throw new Error(`"${file}" is not a file name inside EXPORT_DIR`);
    try {
      await unlink(join(this.exportDir, file));
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw e;
    }
  }
}
