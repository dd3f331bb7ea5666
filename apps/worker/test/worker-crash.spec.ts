import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { AuditLog } from '@claimtrail/audit';
import { ArticleService } from '@claimtrail/ingest';
import { createRedis } from '@claimtrail/queues';
import { PartitionedQueueGateway } from '@claimtrail/workflow';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { obliterateQueues, TEST_REDIS_URL, testQueuePrefix } from '../../../test/support/queues';
import { generatedArticle } from './support/generated-articles';
import { WorkerProcesses } from './support/worker-processes';
import { count, countArticles, eventually, expectedExtraction } from './support/worker-test-kit';

/**
 * Fault test: the worker process is killed with SIGKILL again and again while 500 articles
 * are being extracted, and restarted each time. Postgres must end up with every article
 * extracted exactly once. The worker runs as its own process, as in production (see
 * WorkerProcesses).
 */
const ARTICLES = 500;
const KILLS = 5;

jest.setTimeout(90_000);

describe('worker killed with SIGKILL while extracting', () => {
  let db: TestDatabase;
  let redis: Redis;
  let prefix: string;
  let queues: PartitionedQueueGateway;
  const audit = new AuditLog();
  const workers = new WorkerProcesses();
  const spawnWorker = () =>
    workers.start(
      { databaseUrl: db.url, redisUrl: TEST_REDIS_URL, queuePrefix: prefix },
      // a dead worker's jobs come back within seconds rather than the default minute
      { WORKER_LOCK_MS: '2000', WORKER_CONCURRENCY: '4' },
    );
  const kill = (child: ChildProcess) => workers.stop(child, 'SIGKILL');

  beforeAll(async () => {
    db = await createTestDatabase('worker-crash');
    prefix = testQueuePrefix('worker-crash');
    redis = createRedis(TEST_REDIS_URL);
    queues = new PartitionedQueueGateway(redis, prefix, db.dataSource);
  });

  afterAll(async () => {
    await workers.killAll();
    await queues?.close();
    redis?.disconnect();
    if (prefix) await obliterateQueues(prefix);
    await db?.drop();
  });

  it('extracts every article exactly once, without duplicate claims or sources', async () => {
    const articles = new ArticleService(db.dataSource, audit, queues);
    for (let i = 0; i < ARTICLES; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: 20 }, (_, k) => articles.submit(generatedArticle(i + k), 'key:test')),
      );
      expect(batch.every((b) => b.created && b.enqueued)).toBe(true);
    }

    // kill each worker shortly after it has started extracting
    const extractedAtKill: number[] = [];
    for (let round = 0; round < KILLS; round += 1) {
      const child = spawnWorker();
      const before = await countArticles(db.dataSource, 'extracted');
      await eventually(
        `worker ${round + 1} to extract something`,
        async () => (await countArticles(db.dataSource, 'extracted')) > before || undefined,
        20_000,
        20,
      );
      await sleep(100 + Math.floor(Math.random() * 300));
      await kill(child);
      extractedAtKill.push(await countArticles(db.dataSource, 'extracted'));
    }
    // every kill hit a worker with work left to do
    expect(extractedAtKill[KILLS - 1]).toBeLessThan(ARTICLES);

    const last = spawnWorker();
    await eventually(
      'the last worker to extract every article',
      async () => (await countArticles(db.dataSource, 'extracted')) === ARTICLES || undefined,
      45_000,
      100,
    );
    // SIGTERM: the worker finishes and exits 0
    last.kill('SIGTERM');
    const [code] = (await once(last, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(workers.stderr).toBe('');

    const db_ = db.dataSource;
    const expected = await expectedExtraction(db_);
    // each article has exactly the claims one extraction of its text produces
    const perArticle = await db_.query<{ article_id: string; n: number }[]>(
      'SELECT article_id, count(*)::int AS n FROM claims GROUP BY article_id',
    );
    const stored = new Map(perArticle.map((r) => [r.article_id, r.n]));
    for (const [id, n] of expected.claimsByArticle)
      expect([id, stored.get(id) ?? 0]).toEqual([id, n]);
    const links = await count(db_, 'SELECT count(*)::int AS n FROM claim_sources');
    expect(links).toBe(expected.links);
    // one registry row per source key, nothing else
    const keys = await db_.query<{ registry_key: string }[]>('SELECT registry_key FROM sources');
    expect(keys).toHaveLength(expected.registryKeys.size);
    expect(new Set(keys.map((k) => k.registry_key))).toEqual(expected.registryKeys);

    // the audit log saw each article extracted once, and its chain is intact
    const events = await db_.query<{ action: string; n: number; entities: number }[]>(
      `SELECT action, count(*)::int AS n, count(DISTINCT entity_id)::int AS entities
       FROM audit_events GROUP BY action`,
    );
    const byAction = new Map(events.map((e) => [e.action, e]));
    const totalClaims = [...expected.claimsByArticle.values()].reduce((a, b) => a + b, 0);
    expect(byAction.get('article.extracted')).toEqual({
      action: 'article.extracted',
      n: ARTICLES,
      entities: ARTICLES,
    });
    expect(byAction.get('claim.created')?.n).toBe(totalClaims);
    expect(byAction.get('source.created')?.n).toBe(expected.registryKeys.size);
    expect(byAction.has('article.failed')).toBe(false);
    expect((await audit.verify(db_)).ok).toBe(true);

    // some extractions were cut short by a kill and run again
    const retried = await count(db_, 'SELECT count(*)::int AS n FROM articles WHERE attempts > 1');
    expect(retried).toBeGreaterThan(0);
    // claims whose enqueue a kill prevented were put on review by the last worker's sweep
    expect(await queues.partitions.countWaiting()).toBe(totalClaims);
  });
});
