import type { Redis } from 'ioredis';
import { AuditLog } from '@claimtrail/audit';
import { ArticleService, type SubmitResult } from '@claimtrail/ingest';
import { createRedis } from '@claimtrail/queues';
import { PartitionedQueueGateway } from '@claimtrail/workflow';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { testQueuePrefix } from '../../../test/support/queues';
import { createWorker, type WorkerHandle } from '../src/create-worker';
import { generatedArticle } from './support/generated-articles';
import { TestRedisServer } from './support/redis-server';
import {
  count,
  countArticles,
  eventually,
  silentLogger,
  testConfig,
} from './support/worker-test-kit';

/**
 * Fault test: Redis goes away while articles are being submitted. Postgres is the truth, so
 * every submission still returns (accepted, not enqueued), and once Redis is back the
 * reconciler and a worker extract all of them, including those whose jobs died with Redis.
 */
const ARTICLES = 60;
const STOP_AFTER = 20;

jest.setTimeout(60_000);

describe('Redis outage while articles are submitted', () => {
  let db: TestDatabase;
  let server: TestRedisServer | undefined;
  let redis: Redis | undefined;
  let queues: PartitionedQueueGateway | undefined;
  let worker: WorkerHandle | undefined;
  const audit = new AuditLog();

  beforeAll(async () => {
    db = await createTestDatabase('redis-outage');
    server = await TestRedisServer.start(6390);
  });

  afterAll(async () => {
    await worker?.close().catch(() => undefined);
    await queues?.close().catch(() => undefined);
    redis?.disconnect();
    await server?.stop();
    await db?.drop();
  });

  it('accepts every article while Redis is down and extracts them all once it is back', async () => {
    const prefix = testQueuePrefix('redis-outage');
    // the producer's connection fails fast instead of queueing commands until Redis returns
    redis = createRedis(server!.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on('error', () => undefined);
    await new Promise((resolve) => redis!.once('ready', resolve));
    queues = new PartitionedQueueGateway(redis, prefix, db.dataSource);
    queues.extract.on('error', () => undefined);
    queues.review.on('error', () => undefined);
    let enqueueErrors = 0;
    const articles = new ArticleService(db.dataSource, audit, queues, () => (enqueueErrors += 1));

    const results: { result: SubmitResult; ms: number }[] = [];
    for (let i = 0; i < ARTICLES; i += 1) {
      if (i === STOP_AFTER) await server!.shutdown();
      const started = Date.now();
      const result = await articles.submit(generatedArticle(i), 'key:test');
      results.push({ result, ms: Date.now() - started });
    }
    expect(results.every((r) => r.result.created)).toBe(true);
    expect(results.slice(0, STOP_AFTER).every((r) => r.result.enqueued)).toBe(true);
    expect(results.slice(STOP_AFTER).every((r) => !r.result.enqueued)).toBe(true);
    expect(enqueueErrors).toBe(ARTICLES - STOP_AFTER);
    // a submission does not wait for Redis
    expect(Math.max(...results.map((r) => r.ms))).toBeLessThan(2_000);
    expect(await countArticles(db.dataSource, 'queued')).toBe(ARTICLES);

    // Redis comes back empty: the jobs enqueued before the outage are gone too
    await server!.restart();
    worker = await createWorker(testConfig(db.url, server!.url, prefix), { logger: silentLogger });
    await eventually(
      'every article to be extracted',
      async () => (await countArticles(db.dataSource, 'extracted')) === ARTICLES || undefined,
      30_000,
      100,
    );
    const claims = await count(db.dataSource, 'SELECT count(*)::int AS n FROM claims');
    expect(claims).toBeGreaterThan(ARTICLES);
    // the producer reconnected by itself, and sees every claim on the review queue
    await eventually(
      'the producer to reconnect',
      () => Promise.resolve(redis!.status === 'ready' || undefined),
      10_000,
    );
    // review jobs are added right after each batch commits: wait for the last batch's
    await eventually(
      'every claim on the review queue',
      async () => (await queues!.partitions.countWaiting()) === claims || undefined,
      10_000,
      100,
    ).catch(() => undefined);
    expect(await queues.partitions.countWaiting()).toBe(claims);
    expect((await audit.verify(db.dataSource)).ok).toBe(true);
  });
});
