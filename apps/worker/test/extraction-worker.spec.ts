import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { AuditLog } from '@claimtrail/audit';
import { ArticleService, QueueGateway } from '@claimtrail/ingest';
import { createRedis, JOB_OPTIONS, jobIds, QUEUES, reviewPriority } from '@claimtrail/queues';
import { PartitionedQueueGateway } from '@claimtrail/workflow';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { obliterateQueues, TEST_REDIS_URL, testQueuePrefix } from '../../../test/support/queues';
import { createWorker, type WorkerHandle } from '../src/create-worker';
import { generatedArticle } from './support/generated-articles';
import {
  count,
  countArticles,
  eventually,
  expectedExtraction,
  silentLogger,
  testConfig,
} from './support/worker-test-kit';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../test/fixtures/dev-set/articles', name), 'utf8');

/** The extraction worker in this process, against the real Postgres and Redis. */
describe('extraction worker', () => {
  let db: TestDatabase;
  let redis: Redis;
  let prefix: string;
  let queues: PartitionedQueueGateway;
  let events: QueueEvents;
  let eventsRedis: Redis;
  let articles: ArticleService;
  let worker: WorkerHandle | undefined;
  const audit = new AuditLog();

  const start = (options: Parameters<typeof createWorker>[1] = {}) =>
    createWorker(testConfig(db.url, TEST_REDIS_URL, prefix), {
      logger: silentLogger,
      ...options,
    });
  const statusOf = async (id: string) =>
    (
      await db.dataSource.query<{ status: string }[]>('SELECT status FROM articles WHERE id = $1', [
        id,
      ])
    )[0]?.status;

  beforeAll(async () => {
    db = await createTestDatabase('extraction-worker');
    prefix = testQueuePrefix('extraction-worker');
    redis = createRedis(TEST_REDIS_URL);
    queues = new PartitionedQueueGateway(redis, prefix, db.dataSource);
    eventsRedis = createRedis(TEST_REDIS_URL);
    events = new QueueEvents(QUEUES.extract, { connection: eventsRedis, prefix });
    await events.waitUntilReady();
    articles = new ArticleService(db.dataSource, audit, queues);
  });

  afterAll(async () => {
    await worker?.close();
    await events?.close();
    eventsRedis?.disconnect();
    await queues?.close();
    redis?.disconnect();
    if (prefix) await obliterateQueues(prefix);
    await db?.drop();
  });

  it('puts back at start an article whose job was lost, then extracts it', async () => {
    const { article } = await articles.submit(
      { text: fixture('en-03-muscat-red-sea-talks.txt'), outlet: 'Muscat Daily' },
      'key:test',
    );
    await queues.extract.remove(jobIds.extract(article.id));
    expect(await queues.extract.getJob(jobIds.extract(article.id))).toBeUndefined();
    worker = await start();
    // the sweep at start ran before createWorker returned
    expect(await queues.extract.getJob(jobIds.extract(article.id))).toBeDefined();
    await eventually(
      'the article to be extracted',
      async () => ((await statusOf(article.id)) === 'extracted' ? true : undefined),
      10_000,
    );
  });

  it('extracts submitted articles into claims and registry sources, each claim on review', async () => {
    const submitted = await Promise.all(
      [
        { text: fixture('ar-03-iraq-iran-gas-waiver.txt'), outlet: 'Iraqi Outlet' },
        { text: fixture('en-02-south-lebanon-strike.txt'), outlet: 'AFP' },
        { ...generatedArticle(0), outlet: null },
      ].map((input) => articles.submit(input, 'key:test')),
    );
    expect(submitted.every((s) => s.created && s.enqueued)).toBe(true);
    const ids = submitted.map((s) => s.article.id);
    await eventually(
      'every article to be extracted',
      async () =>
        (await Promise.all(ids.map(statusOf))).every((s) => s === 'extracted') || undefined,
      15_000,
    );

    const expected = await expectedExtraction(db.dataSource);
    const claims = await db.dataSource.query<
      { id: string; article_id: string; checkworthiness: number }[]
    >('SELECT id, article_id, checkworthiness FROM claims');
    for (const id of ids)
      expect(claims.filter((c) => c.article_id === id)).toHaveLength(
        expected.claimsByArticle.get(id)!,
      );
    const links = await count(db.dataSource, 'SELECT count(*)::int AS n FROM claim_sources');
    expect(links).toBe(expected.links);
    const keys = await db.dataSource.query<{ registry_key: string }[]>(
      'SELECT registry_key FROM sources',
    );
    expect(new Set(keys.map((k) => k.registry_key))).toEqual(expected.registryKeys);

    // every claim is on the review queue: job id = claim id, priority from check-worthiness
    for (const c of claims) {
      const job = await queues.partitions.findJob(c.id);
      expect(job?.data).toEqual({ claimId: c.id, articleId: c.article_id });
      expect(job?.opts.priority).toBe(reviewPriority(c.checkworthiness));
    }
    expect(await queues.partitions.countWaiting()).toBe(claims.length);
    const verified = await audit.verify(db.dataSource);
    expect(verified.ok).toBe(true);
  });

  it('does nothing on a redelivered job', async () => {
    const { article } = await articles.submit(generatedArticle(1), 'key:test');
    await eventually(
      'the article to be extracted',
      async () => ((await statusOf(article.id)) === 'extracted' ? true : undefined),
      10_000,
    );
    const snapshot = async () => ({
      claims: await count(db.dataSource, 'SELECT count(*)::int AS n FROM claims'),
      sources: await count(db.dataSource, 'SELECT count(*)::int AS n FROM claim_sources'),
      events: await count(db.dataSource, 'SELECT count(*)::int AS n FROM audit_events'),
      review: await queues.partitions.countWaiting(),
    });
    const before = await snapshot();
    // the same payload again, as after a lost acknowledgement
    const again = await queues.extract.add(
      'extract-article',
      { articleId: article.id },
      { ...JOB_OPTIONS.extract, jobId: `redelivery-${article.id}` },
    );
    expect(await again.waitUntilFinished(events, 10_000)).toEqual({ outcome: 'already-done' });
    expect(await snapshot()).toEqual(before);
  });

  it('fails a job for a missing article at once, without retries', async () => {
    const missing = randomUUID();
    await queues.enqueueExtraction([missing]);
    const job = (await queues.extract.getJob(jobIds.extract(missing)))!;
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(/does not exist/);
    const failed = (await queues.extract.getJob(jobIds.extract(missing)))!;
    expect(await failed.getState()).toBe('failed');
    expect(failed.attemptsMade).toBe(1);
    expect(failed.opts.attempts).toBe(JOB_OPTIONS.extract.attempts);
  });

  it('marks the article failed when a transient error outlasts its attempts', async () => {
    // Postgres refuses to finish this one article's extraction, as an outage would
    await db.dataSource.query(`
      CREATE FUNCTION refuse_extraction() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'simulated outage'; END $$;
      CREATE TRIGGER refuse_extraction BEFORE UPDATE ON articles FOR EACH ROW
      WHEN (NEW.headline = 'outage probe' AND NEW.status = 'extracted')
      EXECUTE FUNCTION refuse_extraction();`);
    // stored without a job on the worker's queue, then given a job with quick retries
    const parked = new QueueGateway(redis, `${prefix}-parked`);
    const { article } = await new ArticleService(db.dataSource, audit, parked).submit(
      {
        text: 'outage probe\nThe ministry said the bridge would reopen on Sunday.',
        headline: 'outage probe',
      },
      'key:test',
    );
    await parked.close();
    await obliterateQueues(`${prefix}-parked`);
    const job = await queues.extract.add(
      'extract-article',
      { articleId: article.id },
      { jobId: jobIds.extract(article.id), attempts: 2, backoff: { type: 'fixed', delay: 50 } },
    );
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(/simulated outage/);
    const row = await eventually(
      'the article to be marked failed',
      async () => {
        const rows = await db.dataSource.query<
          { status: string; error: string; attempts: number }[]
        >('SELECT status, error, attempts FROM articles WHERE id = $1', [article.id]);
        return rows[0]?.status === 'failed' ? rows[0] : undefined;
      },
      5_000,
    );
    expect(row.error).toMatch(/gave up after 2 attempts: .*simulated outage/);
    expect(row.attempts).toBe(2);
    expect((await audit.verify(db.dataSource)).ok).toBe(true);
  });

  it('counts job durations and failures, and serves them when asked', async () => {
    const text = await worker!.metrics.registry.metrics();
    expect(text).toMatch(
      /claimtrail_worker_job_duration_seconds_count\{queue="extract",outcome="extracted"\} [1-9]/,
    );
    expect(text).toMatch(
      /claimtrail_worker_job_failures_total\{queue="extract",kind="permanent"\} 1/,
    );
    expect(text).toMatch(
      /claimtrail_worker_job_failures_total\{queue="extract",kind="exhausted"\} 1/,
    );
    const second = await start({ metricsPort: 0 });
    try {
      const res = await fetch(`http://127.0.0.1:${second.metricsPort}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('claimtrail_worker_job_duration_seconds');
      expect((await fetch(`http://127.0.0.1:${second.metricsPort}/other`)).status).toBe(404);
    } finally {
      await second.close();
    }
  });

  it('finishes its active jobs on close and leaves the rest waiting', async () => {
    // a worker that takes a few jobs at a time, so that most are waiting when it closes
    await worker?.close();
    worker = undefined;
    const texts = [
      'en-01-anbar-base-drone.txt',
      'en-05-drone-parts-sentencing.txt',
      'ar-01-kfarchouba-airstrike.txt',
      'ar-06-deir-ezzor-clashes.txt',
    ].map(fixture);
    // forty long articles, so that some are in progress when close() is called
    const submitted = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        articles.submit({ text: `${texts[i % texts.length]}\nUpdate ${i}.` }, 'key:test'),
      ),
    );
    const ids = submitted.map((s) => s.article.id);
    worker = await start({ concurrency: 8 });
    const extractedBefore = await countArticles(db.dataSource, 'extracted');
    await eventually(
      'the worker to be under way',
      async () => (await countArticles(db.dataSource, 'extracted')) > extractedBefore || undefined,
      10_000,
      5,
    );
    await worker.close();
    worker = undefined;

    expect(await queues.extract.getActiveCount()).toBe(0);
    const rows = await db.dataSource.query<{ id: string; status: string }[]>(
      'SELECT id, status FROM articles WHERE id = ANY($1)',
      [ids],
    );
    // nothing half-done: each article is finished, or untouched and still on the queue
    expect(rows.filter((r) => r.status === 'extracting')).toEqual([]);
    const waiting = rows.filter((r) => r.status === 'queued');
    expect(waiting.length).toBeGreaterThan(0);
    for (const r of waiting)
      expect(await queues.extract.getJobState(jobIds.extract(r.id))).toBe('waiting');

    worker = await start();
    await eventually(
      'the rest to be extracted by the next worker',
      async () => {
        const done = await db.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM articles WHERE id = ANY($1) AND status = 'extracted'`,
          [ids],
        );
        return done[0]!.n === ids.length || undefined;
      },
      20_000,
    );
  });
});
