import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Export retention: the worker deletes the file of a finished export once EXPORT_RETENTION
 * has passed and marks the export `expired`, with the time in `expired_at`. The row stays
 * (its hash and chain head still say what the file held); only the file goes. A check ties
 * the two together, so an expired export always says when, and no other one does.
 */
export class ExportExpiry1765180800000 implements MigrationInterface {
  name = 'ExportExpiry1765180800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE exports DROP CONSTRAINT exports_status_check`);
    await q.query(`
      ALTER TABLE exports
        ADD CONSTRAINT exports_status_check
          CHECK (status IN ('queued', 'running', 'done', 'failed', 'expired')),
        ADD COLUMN expired_at timestamptz,
        ADD CONSTRAINT exports_expired_check CHECK ((status = 'expired') = (expired_at IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // the old schema has no word for it: an expired export was done, and its file is gone
    // (a download answers 404, as for any file missing from EXPORT_DIR)
    await q.query(`ALTER TABLE exports DROP CONSTRAINT exports_expired_check`);
    await q.query(`UPDATE exports SET status = 'done' WHERE status = 'expired'`);
    await q.query(`ALTER TABLE exports DROP COLUMN expired_at`);
    await q.query(`ALTER TABLE exports DROP CONSTRAINT exports_status_check`);
    await q.query(`
      ALTER TABLE exports ADD CONSTRAINT exports_status_check
        CHECK (status IN ('queued', 'running', 'done', 'failed'))`);
  }
}
