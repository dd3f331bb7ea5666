import { once } from 'node:events';
import type { Redis } from 'ioredis';
import { AuditLog } from '@claimtrail/audit';
import { ArticleService, QueueGateway } from '@claimtrail/ingest';
import { createRedis } from '@claimtrail/queues';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { obliterateQueues, TEST_REDIS_URL, testQueuePrefix } from '../../../test/support/queues';

const text = (i: number) =>
  `Headline ${i}\nThe ministry said on day ${i} that the bridge reopened.`;

/**
 * ArticleService writes concurrent submissions in batches; callers see one submission
 * each, whatever batch it landed in.
 */
describe('ArticleService group commit', () => {
  let db: TestDatabase;
  let redis: Redis;
  const prefix = testQueuePrefix('article-group-commit');
  const audit = new AuditLog();

  beforeAll(async () => {
    db = await createTestDatabase('article-group-commit');
    redis = createRedis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    await redis?.quit();
    await obliterateQueues(prefix);
    await db?.drop();
  });

  it('stores each text once across batches, and answers every caller with its article', async () => {
    const queues = new QueueGateway(redis, prefix);
    // batches of at most 5: the repeats of a text land in the same batch and in later ones
    const articles = new ArticleService(db.dataSource, audit, queues, undefined, {
      maxBatchSize: 5,
    });
    const submitted = Array.from({ length: 12 }, (_, i) => i % 4);
    const results = await Promise.all(
      submitted.map((t) => articles.submit({ text: text(t), outlet: 'Wire' }, `key:${t}`)),
    );
    for (let t = 0; t < 4; t++) {
      const mine = results.filter((_, i) => submitted[i] === t);
      expect(new Set(mine.map((r) => r.article.id)).size).toBe(1);
      expect(mine.map((r) => r.created)).toEqual([true, false, false]);
      expect(mine.every((r) => r.enqueued && r.article.status === 'queued')).toBe(true);
      const job = await queues.extract.getJob(`extract-${mine[0]!.article.id}`);
      expect(job?.data).toEqual({ articleId: mine[0]!.article.id });
    }
    const events = await audit.list(db.dataSource, { entityType: 'article' }, 0, 100);
    expect(events.map((e) => [e.entityId, e.actor]).sort()).toEqual(
      [0, 1, 2, 3].map((t) => [results[t]!.article.id, `key:${t}`]).sort(),
    );
    expect((await audit.verify(db.dataSource)).ok).toBe(true);
    await queues.close();
  });

  it('accepts a batch Redis refuses, and reports the refused articles once', async () => {
    // a real connection, closed: every command fails at once, as while Redis is away
    const down = createRedis(TEST_REDIS_URL, {
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    await once(down, 'ready');
    down.disconnect();
    const queues = new QueueGateway(down, prefix);
    for (const q of [queues.extract, queues.review]) q.on('error', () => undefined);
    const reports: string[][] = [];
    const articles = new ArticleService(db.dataSource, audit, queues, (_e, ids) =>
      reports.push(ids),
    );
    const results = await Promise.all(
      [10, 11, 12].map((t) => articles.submit({ text: text(t) }, 'key:test')),
    );
    expect(results.map((r) => [r.created, r.enqueued])).toEqual([
      [true, false],
      [true, false],
      [true, false],
    ]);
    expect(reports.map((ids) => [...ids].sort())).toEqual([
      results.map((r) => r.article.id).sort(),
    ]);
    const queued = await db.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM articles WHERE status = 'queued' AND id = ANY($1)`,
      [results.map((r) => r.article.id)],
    );
    expect(queued[0]?.n).toBe(3);
    await queues.close().catch(() => undefined);
  });
});
