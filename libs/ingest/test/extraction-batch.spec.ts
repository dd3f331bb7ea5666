import { extract } from '@claimtrail/attribution';
import { AuditLog } from '@claimtrail/audit';
import { ExtractionService, registryKey, type ExtractionOutcome } from '@claimtrail/ingest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { storeArticle } from '../../../test/support/stored-articles';

const FIRST_NAMES = [
  'Ali',
  'Layla',
  'Omar',
  'Sami',
  'Rana',
  'Khaled',
  'Huda',
  'Tariq',
  'Nour',
  'Yusuf',
  'Mona',
  'Ziad',
];
const TITLES = ['Governor', 'Minister', 'Mayor', 'Colonel', 'Ambassador'];
const LAST_NAMES = ['Hassan', 'Karim', 'Saleh', 'Nader', 'Aziz'];
const ROUNDS = FIRST_NAMES.length;
const ARTICLES_PER_ROUND = 8;

/** The articles of one round name five people no earlier round has named, and US officials. */
const racingArticle = (round: number, i: number) =>
  [
    `Round ${round} update ${i}`,
    ...TITLES.map(
      (title, k) =>
        `${title} ${FIRST_NAMES[round]} ${LAST_NAMES[k]} said on Monday that bridge number ${i * 10 + k} would reopen.`,
    ),
    `US officials said talks on route ${i} had stalled.`,
  ].join('\n');

/** Extraction batches against the real Postgres, two of them at once. */
describe('extraction in batches', () => {
  let db: TestDatabase;
  const audit = new AuditLog();

  beforeAll(async () => {
    db = await createTestDatabase('extraction-batch');
  });
  afterAll(async () => {
    await db?.drop();
  });

  /** Inserts a source key in a transaction left open, so that batches inserting it wait. */
  async function holdSourceKey(key: string): Promise<() => Promise<void>> {
    const holder = db.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(
      `INSERT INTO sources (registry_key, name, kind) VALUES ($1, 'held', 'unknown')`,
      [key],
    );
    return async () => {
      await holder.rollbackTransaction();
      await holder.release();
    };
  }

  /** Resolves once `n` sessions of this database wait for a lock. */
  async function eventuallyWaiting(n: number): Promise<void> {
    for (;;) {
      const [row] = await db.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (row!.n >= n) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it('stores each article once when two batches race on the same articles and new sources', async () => {
    // two services, as in two worker processes
    const first = new ExtractionService(db.dataSource, audit);
    const second = new ExtractionService(db.dataSource, audit);
    const outcomes = new Map<string, ExtractionOutcome['kind'][]>();
    const texts = new Map<string, string>();
    for (let round = 0; round < ROUNDS; round += 1) {
      const ids: string[] = [];
      for (let i = 0; i < ARTICLES_PER_ROUND; i += 1) {
        const text = racingArticle(round, i);
        const id = await storeArticle(db.dataSource, text);
        texts.set(id, text);
        ids.push(id);
      }
      // one round in three: overlapping batches (some articles in both, in opposite
      // orders); the others: disjoint batches whose articles name the same new sources
      const [a, b] =
        round % 3 === 2
          ? [ids.slice(0, 6), ids.slice(2).reverse()]
          : [ids.slice(0, 4), ids.slice(4)];
      // both batches are held at a source key of the round until both wait, then race
      const release = await holdSourceKey(
        registryKey(extract(texts.get(ids[0]!)!).sources[2]!, ''),
      );
      const racing = Promise.all([
        first.extractBatch(a.map((articleId) => ({ articleId, attempt: 1 }))),
        second.extractBatch(b.map((articleId) => ({ articleId, attempt: 1 }))),
      ]);
      await eventuallyWaiting(2);
      await release();
      const results = await racing;
      results.forEach((batch, k) =>
        batch.forEach((o, j) => {
          const id = (k === 0 ? a : b)[j]!;
          if (o instanceof Error) throw o;
          outcomes.set(id, [...(outcomes.get(id) ?? []), o.kind]);
        }),
      );
    }

    // every article extracted by exactly one of the batches that had it
    for (const [id, kinds] of outcomes)
      expect([id, kinds.filter((k) => k === 'extracted').length]).toEqual([id, 1]);
    expect(outcomes.size).toBe(ROUNDS * ARTICLES_PER_ROUND);

    const expectedClaims = new Map<string, number>();
    const expectedKeys = new Set<string>();
    let expectedLinks = 0;
    for (const [id, text] of texts) {
      const result = extract(text);
      expectedClaims.set(id, result.claims.length);
      for (const c of result.claims) expectedLinks += c.sources.length + c.via.length;
      for (const s of result.sources) expectedKeys.add(registryKey(s, id));
    }
    // each round brings new sources, so the batches raced to insert the same keys
    expect(expectedKeys.size).toBeGreaterThanOrEqual(5 * ROUNDS);
    const perArticle = await db.dataSource.query<{ article_id: string; n: number }[]>(
      'SELECT article_id, count(*)::int AS n FROM claims GROUP BY article_id',
    );
    expect(new Map(perArticle.map((r) => [r.article_id, r.n]))).toEqual(expectedClaims);
    const [links] = await db.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM claim_sources',
    );
    expect(links!.n).toBe(expectedLinks);
    const keys = await db.dataSource.query<{ registry_key: string }[]>(
      'SELECT registry_key FROM sources',
    );
    expect(keys).toHaveLength(expectedKeys.size);
    expect(new Set(keys.map((k) => k.registry_key))).toEqual(expectedKeys);

    const events = await db.dataSource.query<{ action: string; n: number; entities: number }[]>(
      `SELECT action, count(*)::int AS n, count(DISTINCT entity_id)::int AS entities
       FROM audit_events GROUP BY action ORDER BY action`,
    );
    const totalClaims = [...expectedClaims.values()].reduce((x, y) => x + y, 0);
    expect(events).toEqual([
      { action: 'article.extracted', n: texts.size, entities: texts.size },
      { action: 'claim.created', n: totalClaims, entities: totalClaims },
      { action: 'source.created', n: expectedKeys.size, entities: expectedKeys.size },
    ]);
    expect((await audit.verify(db.dataSource)).ok).toBe(true);
  });

  it('records the attempt of the job and answers a request twice in one batch once', async () => {
    const extraction = new ExtractionService(db.dataSource, audit);
    const id = await storeArticle(db.dataSource, racingArticle(0, 99));
    const [first, again] = await extraction.extractBatch([
      { articleId: id, attempt: 3 },
      { articleId: id, attempt: 3 },
    ]);
    expect(first).toMatchObject({ kind: 'extracted' });
    expect(again).toEqual({ kind: 'already-done' });
    const [row] = await db.dataSource.query<{ status: string; attempts: number }[]>(
      'SELECT status, attempts FROM articles WHERE id = $1',
      [id],
    );
    expect(row).toEqual({ status: 'extracted', attempts: 3 });
  });
});
