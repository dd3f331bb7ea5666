import { randomUUID } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import { extract } from '@claimtrail/attribution';
import { AuditLog } from '@claimtrail/audit';
import { ExtractionService, QueueGateway } from '@claimtrail/ingest';
import { createRedis, JOB_OPTIONS, jobIds } from '@claimtrail/queues';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { obliterateQueues, TEST_REDIS_URL, testQueuePrefix } from '../../../test/support/queues';
import { storeArticle } from '../../../test/support/stored-articles';
import { ExtractArticleProcessor, type ExtractArticleJob } from '../src/extract-article.processor';
import { WorkerMetrics } from '../src/worker-metrics';
import { generatedArticle } from './support/generated-articles';
import { count, silentLogger } from './support/worker-test-kit';

const UNREADABLE = 'UNREADABLE';
/** The real engine, except that it rejects any text with the marker in it. */
const engine: typeof extract = (text, options) => {
  if (text.includes(UNREADABLE)) throw new Error('unreadable input');
  return extract(text, options);
};

/**
 * The processor coalesces the jobs given to it at one moment into one extraction batch (the
 * worker hands it its active jobs the same way), against the real Postgres and Redis.
 */
describe('extraction jobs in one batch', () => {
  let db: TestDatabase;
  let redis: Redis;
  let prefix: string;
  let queues: QueueGateway;
  let metrics: WorkerMetrics;
  let extraction: ExtractionService;
  let processor: ExtractArticleProcessor;
  const audit = new AuditLog();

  const jobFor = (articleId: string) =>
    queues.extract.add(
      'extract-article',
      { articleId },
      { ...JOB_OPTIONS.extract, jobId: jobIds.extract(articleId) },
    ) as Promise<ExtractArticleJob>;
  /** Gives the processor every job at once, as a worker does with its active jobs. */
  const processTogether = (jobs: ExtractArticleJob[]) =>
    Promise.allSettled(jobs.map((job) => processor.process(job)));
  const batches = async () => {
    const { values } = await metrics.batchSize.get();
    const value = (name: string) => values.find((v) => v.metricName === name)?.value ?? 0;
    return {
      count: value('claimtrail_worker_extract_batch_size_count'),
      jobs: value('claimtrail_worker_extract_batch_size_sum'),
    };
  };

  beforeAll(async () => {
    db = await createTestDatabase('extract-batch');
    prefix = testQueuePrefix('extract-batch');
    redis = createRedis(TEST_REDIS_URL);
    queues = new QueueGateway(redis, prefix);
  });

  beforeEach(() => {
    metrics = new WorkerMetrics();
    extraction = new ExtractionService(db.dataSource, audit, engine);
    processor = new ExtractArticleProcessor(extraction, queues, metrics, silentLogger);
  });

  afterAll(async () => {
    await queues?.close();
    redis?.disconnect();
    if (prefix) await obliterateQueues(prefix);
    await db?.drop();
  });

  it('gives each job of a mixed batch its own outcome', async () => {
    const fresh = await storeArticle(db.dataSource, generatedArticle(0).text);
    const done = await storeArticle(db.dataSource, generatedArticle(1).text);
    await extraction.extractArticle(done);
    const rejected = await storeArticle(db.dataSource, `Headline\n${UNREADABLE} text.`);
    const missing = randomUUID();
    const jobs = await Promise.all([fresh, done, rejected, missing].map(jobFor));
    const eventsBefore = await count(db.dataSource, 'SELECT count(*)::int AS n FROM audit_events');

    const [ofFresh, ofDone, ofRejected, ofMissing] = await processTogether(jobs);

    expect(await batches()).toEqual({ count: 1, jobs: 4 });
    const claims = extract(generatedArticle(0).text).claims.length;
    expect(ofFresh).toEqual({ status: 'fulfilled', value: { outcome: 'extracted', claims } });
    expect(ofDone).toEqual({ status: 'fulfilled', value: { outcome: 'already-done' } });
    expect(ofRejected).toEqual({
      status: 'fulfilled',
      value: { outcome: 'failed', reason: 'the extractor rejected the text: unreadable input' },
    });
    // a missing article is a permanent failure of its job alone: BullMQ does not retry it
    expect(ofMissing?.status).toBe('rejected');
    const reason = (ofMissing as PromiseRejectedResult).reason as Error;
    expect(reason).toBeInstanceOf(UnrecoverableError);
    expect(reason.message).toBe(`article ${missing} does not exist`);

    const rows = await db.dataSource.query<
      { id: string; status: string; error: string | null; attempts: number }[]
    >('SELECT id, status, error, attempts FROM articles WHERE id = ANY($1)', [[fresh, rejected]]);
    expect(new Map(rows.map((r) => [r.id, r]))).toEqual(
      new Map([
        [fresh, { id: fresh, status: 'extracted', error: null, attempts: 1 }],
        [
          rejected,
          {
            id: rejected,
            status: 'failed',
            error: 'the extractor rejected the text: unreadable input',
            attempts: 1,
          },
        ],
      ]),
    );
    // the new article's claims, and only those, are on the review queue
    const stored = await db.dataSource.query<{ id: string }[]>(
      'SELECT id FROM claims WHERE article_id = $1',
      [fresh],
    );
    expect(stored).toHaveLength(claims);
    for (const { id } of stored) expect(await queues.review.getJob(id)).toBeDefined();
    expect(await queues.review.getJobCountByTypes('prioritized', 'waiting')).toBe(claims);
    // one audit append for the batch: the extraction with its sources and claims, the failure
    const events = await db.dataSource.query<{ action: string; entity_id: string }[]>(
      'SELECT action, entity_id FROM audit_events WHERE seq > $1 ORDER BY seq',
      [eventsBefore],
    );
    const articleEvents = events.filter((e) => e.action.startsWith('article.'));
    expect(articleEvents.sort((x, y) => x.action.localeCompare(y.action))).toEqual([
      { action: 'article.extracted', entity_id: fresh },
      { action: 'article.failed', entity_id: rejected },
    ]);
    expect(events.filter((e) => e.action === 'claim.created')).toHaveLength(claims);
    expect((await audit.verify(db.dataSource)).ok).toBe(true);
  });

  it('fails every job of a batch that Postgres fails midway, writing nothing; the retries succeed', async () => {
    // Postgres refuses to finish one article of the batch, after its claims are written
    await db.dataSource.query(`
      CREATE FUNCTION refuse_extraction() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'simulated outage'; END $$;
      CREATE TRIGGER refuse_extraction BEFORE UPDATE ON articles FOR EACH ROW
      WHEN (NEW.headline = 'outage probe' AND NEW.status = 'extracted')
      EXECUTE FUNCTION refuse_extraction();`);
    const ids = [
      await storeArticle(
        db.dataSource,
        'outage probe\nThe bridge ministry said the bridge would reopen on Sunday.',
        { headline: 'outage probe' },
      ),
      await storeArticle(db.dataSource, generatedArticle(10).text),
      await storeArticle(db.dataSource, generatedArticle(11).text),
    ];
    const jobs = await Promise.all(ids.map(jobFor));
    const snapshot = async () => ({
      articles: await db.dataSource.query<{ status: string; attempts: number }[]>(
        'SELECT status, attempts FROM articles WHERE id = ANY($1) ORDER BY id',
        [ids],
      ),
      claims: await count(db.dataSource, 'SELECT count(*)::int AS n FROM claims'),
      links: await count(db.dataSource, 'SELECT count(*)::int AS n FROM claim_sources'),
      sources: await count(db.dataSource, 'SELECT count(*)::int AS n FROM sources'),
      aliases: await count(db.dataSource, 'SELECT count(*)::int AS n FROM source_aliases'),
      events: await count(db.dataSource, 'SELECT count(*)::int AS n FROM audit_events'),
      review: await queues.review.count(),
    });
    const before = await snapshot();

    const failed = await processTogether(jobs);
    expect(await batches()).toEqual({ count: 1, jobs: 3 });
    for (const result of failed) {
      expect(result.status).toBe('rejected');
      const error = (result as PromiseRejectedResult).reason as Error;
      // a transient error: BullMQ retries the job with backoff
      expect(error).not.toBeInstanceOf(UnrecoverableError);
      expect(error.message).toMatch(/simulated outage/);
    }
    expect(await snapshot()).toEqual(before);

    await db.dataSource.query('DROP TRIGGER refuse_extraction ON articles');
    const retried = await processTogether(jobs);
    expect(retried.map((r) => r.status === 'fulfilled' && r.value.outcome)).toEqual([
      'extracted',
      'extracted',
      'extracted',
    ]);
    expect(await count(db.dataSource, 'SELECT count(*)::int AS n FROM claims')).toBeGreaterThan(
      before.claims,
    );
    expect((await audit.verify(db.dataSource)).ok).toBe(true);
  });
});
