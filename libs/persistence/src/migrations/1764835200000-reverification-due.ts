import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Re-verification: the worker's sweep takes the reviewed claims whose verdict is due
 * (`reverify_at` passed), soonest first, in batches; the API counts them and lists the next
 * ones. Only reviewed claims are ever due, so only they are indexed. A claim sent back
 * records when (`requeued_at`): it has waited since then, not since its extraction.
 */
export class ReverificationDue1764835200000 implements MigrationInterface {
  name = 'ReverificationDue1764835200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims ADD COLUMN requeued_at timestamptz`);
    await q.query(
      `CREATE INDEX claims_reverify_due_idx ON claims (reverify_at) WHERE status = 'reviewed'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX claims_reverify_due_idx`);
    await q.query(`ALTER TABLE claims DROP COLUMN requeued_at`);
  }
}
