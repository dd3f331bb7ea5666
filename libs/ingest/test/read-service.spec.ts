import { randomBytes } from 'node:crypto';
import { ReadService } from '@claimtrail/ingest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';

/**
 * ReadService runs its claim reads as prepared statements on every pooled connection; they
 * must survive what a release does while the API runs.
 */
describe('claim reads as prepared statements', () => {
  let db: TestDatabase;
  let read: ReadService;
  let claimId: string;

  beforeAll(async () => {
    db = await createTestDatabase('read-service');
    read = new ReadService(db.dataSource);
    const [article] = await db.dataSource.query<{ id: string }[]>(
      `INSERT INTO articles (content_hash, text) VALUES ($1, 'text') RETURNING id`,
      [randomBytes(16).toString('hex')],
    );
    const [claim] = await db.dataSource.query<{ id: string }[]>(
      `INSERT INTO claims (article_id, ordinal, text, start_offset, end_offset, sentence, type, cue, checkworthiness, language)
       VALUES ($1, 0, 'text', 0, 4, 0, 'unattributed', NULL, 0.25, 'en') RETURNING id`,
      [article!.id],
    );
    claimId = claim!.id;
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('keep answering after a migration adds a column to claims', async () => {
    // concurrent reads, so that every connection of the pool prepares the statements
    const readAll = () =>
      Promise.all(
        Array.from({ length: 5 }, () =>
          Promise.all([read.claims({ language: 'en' }, 10), read.claim(claimId)]),
        ),
      );
    await readAll();
    await db.dataSource.query('ALTER TABLE claims ADD COLUMN added_by_a_migration integer');
    const answers = await readAll();
    for (const [page, claim] of answers) {
      expect(page.items.map((c) => c.id)).toEqual([claimId]);
      expect(claim).toMatchObject({ id: claimId, checkworthiness: 0.25, cue: null });
    }
  });

  it('answers not_found for an unknown or malformed id, and finds the others asked with it', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    // asked for together, so read in one statement: neither spoils the other's answer
    const [missing, malformed, found] = await Promise.allSettled([
      read.claim(unknown),
      read.claim('not-a-uuid'),
      read.claim(claimId),
    ]);
    expect(missing).toMatchObject({ status: 'rejected', reason: { code: 'not_found' } });
    expect(malformed).toMatchObject({ status: 'rejected', reason: { code: 'not_found' } });
    expect(found).toMatchObject({ status: 'fulfilled', value: { id: claimId } });
    expect(await read.claim(claimId.toUpperCase())).toMatchObject({ id: claimId });
  });
});
