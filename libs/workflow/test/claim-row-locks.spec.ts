import type { QueryRunner } from 'typeorm';
import { lockClaims } from '../src/claim-review-state';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';

/**
 * A claim locked for a review (a lease, a verdict, a correction) keeps other writers of the
 * claim out, but not the rows that merely reference it: an extraction linking a new claim to
 * it, whose foreign-key check locks the claim FOR KEY SHARE, goes on at once.
 */
describe('claim row locks', () => {
  let db: TestDatabase;
  let claims: string[];
  let holder: QueryRunner;

  beforeAll(async () => {
    db = await createTestDatabase('claim-row-locks');
    const [article] = await db.dataSource.query<{ id: string }[]>(
      `INSERT INTO articles (content_hash, text, language, status) VALUES ('locks', 't', 'en', 'extracted') RETURNING id`,
    );
    const rows = await db.dataSource.query<{ id: string }[]>(
      `INSERT INTO claims (article_id, ordinal, text, start_offset, end_offset, sentence, type, checkworthiness, language)
       SELECT $1, i, 'c', 0, 1, i, 'indirect', 0.5, 'en' FROM generate_series(0, 1) AS i
       RETURNING id`,
      [article!.id],
    );
    claims = rows.map((r) => r.id);
    holder = db.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await lockClaims(holder.manager, [claims[0]!]);
  });
  afterAll(async () => {
    await holder?.rollbackTransaction().catch(() => undefined);
    await holder?.release();
    await db?.drop();
  });

  /** Runs `sql` in a transaction of its own that gives up on a lock after a second. */
  const within = (sql: string, values: unknown[]) =>
    db.dataSource.transaction(async (tx) => {
      await tx.query(`SET LOCAL lock_timeout = '1s'`);
      await tx.query(sql, values);
    });

  it('lets a row referencing the locked claim be written', async () => {
    await expect(
      within(
        'INSERT INTO claim_similarities (claim_id, similar_id, similarity) VALUES ($1, $2, 0.9)',
        [claims[1], claims[0]],
      ),
    ).resolves.toBeUndefined();
  });

  it('keeps another writer of the claim waiting', async () => {
    await expect(
      within('UPDATE claims SET version = version + 1 WHERE id = $1', [claims[0]]),
    ).rejects.toThrow(/lock timeout/);
  });
});
