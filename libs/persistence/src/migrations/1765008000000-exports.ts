import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exports: one row per export asked for. The worker writes the file (named in `file`,
 * relative to EXPORT_DIR) and records its size, SHA-256 and the audit chain head (sequence
 * number and hash) it was cut at, so the file can be checked against the log later.
 */
export class Exports1765008000000 implements MigrationInterface {
  name = 'Exports1765008000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE exports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CONSTRAINT exports_kind_check CHECK (kind IN ('audit-csv', 'audit-jsonl', 'claims-csv', 'claimreview')),
        status text NOT NULL DEFAULT 'queued' CONSTRAINT exports_status_check CHECK (status IN ('queued', 'running', 'done', 'failed')),
        requested_by uuid NOT NULL CONSTRAINT exports_requested_by_fkey REFERENCES api_keys (id),
        params jsonb NOT NULL,
        progress integer NOT NULL DEFAULT 0 CONSTRAINT exports_progress_check CHECK (progress BETWEEN 0 AND 100),
        row_count bigint,
        byte_count bigint,
        sha256 text,
        audit_head_seq bigint,
        audit_head_hash text,
        file text,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    // the list pages by (created_at, id)
    await q.query(`CREATE INDEX exports_created_idx ON exports (created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE exports`);
  }
}
