import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The review workflow: verdicts (append-only history, refused UPDATE, DELETE and TRUNCATE by
 * Postgres itself, like audit_events) and the claim columns a review needs: the current
 * verdict, when it is due for re-verification, the reviewer it is assigned to, and the lease
 * in progress (who holds it, on which review queue partition, until when).
 */
export class ReviewWorkflow1764662400000 implements MigrationInterface {
  name = 'ReviewWorkflow1764662400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE verdicts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id uuid NOT NULL REFERENCES claims (id),
        reviewer_id uuid NOT NULL REFERENCES api_keys (id),
        attribution text NOT NULL CHECK (attribution IN ('confirmed', 'misattributed', 'unconfirmed')),
        veracity text NOT NULL CHECK (veracity IN ('true', 'mostly_true', 'misleading', 'false', 'unverifiable')),
        rationale text,
        evidence jsonb NOT NULL,
        reverify_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX verdicts_claim_idx ON verdicts (claim_id, created_at)`);
    await q.query(`
      CREATE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER verdicts_no_change BEFORE UPDATE OR DELETE ON verdicts
      FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`
      CREATE TRIGGER verdicts_no_truncate BEFORE TRUNCATE ON verdicts
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`
      ALTER TABLE claims
        ADD COLUMN current_verdict_id uuid REFERENCES verdicts (id),
        ADD COLUMN reverify_at timestamptz,
        ADD COLUMN assigned_to uuid REFERENCES api_keys (id),
        ADD COLUMN lease_holder uuid REFERENCES api_keys (id),
        ADD COLUMN lease_queue text,
        ADD COLUMN lease_expires_at timestamptz`);
    // the lease sweeper looks for leases that ran out; only claims in review have one
    await q.query(
      `CREATE INDEX claims_lease_expiry_idx ON claims (lease_expires_at) WHERE status = 'in_review'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX claims_lease_expiry_idx`);
    await q.query(`
      ALTER TABLE claims
        DROP COLUMN lease_expires_at,
        DROP COLUMN lease_queue,
        DROP COLUMN lease_holder,
        DROP COLUMN assigned_to,
        DROP COLUMN reverify_at,
        DROP COLUMN current_verdict_id`);
    await q.query(`DROP TABLE verdicts`);
    await q.query(`DROP FUNCTION refuse_append_only_change`);
  }
}
