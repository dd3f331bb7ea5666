import { UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { QueueGateway, Reconciler } from '@claimtrail/ingest';
import { createRedis, jobIds, QUEUES } from '@claimtrail/queues';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { obliterateQueues, TEST_REDIS_URL, testQueuePrefix } from '../../../test/support/queues';

/**
 * The reconciler against real Postgres and Redis: Postgres says what should be queued, and
 * the sweep makes Redis agree without adding what is already there.
 */
describe('Reconciler', () => {
  let db: TestDatabase;
  let redis: Redis;
  let prefix: string;
  let queues: QueueGateway;
  let reconciler: Reconciler;
  let counter = 0;

  /** An article row in the given state, written directly (no job is enqueued). */
  async function articleIn(status: 'queued' | 'extracting' | 'extracted'): Promise<string> {
    counter += 1;
    const rows = await db.dataSource.query<{ id: string }[]>(
      `INSERT INTO articles (content_hash, text, status) VALUES ($1, $2, $3) RETURNING id`,
      [`reconciler-test-${counter}`, `Text number ${counter}.`, status],
    );
    return rows[0]!.id;
  }

  /** Marks what earlier tests left waiting as done, so each test sees only its own rows. */
  const settleEarlierArticles = () =>
    db.dataSource.query(
      `UPDATE articles SET status = 'extracted' WHERE status IN ('queued', 'extracting')`,
    );

  /** Takes the article's extraction job as a worker would and fails it for good. */
  async function failForGood(articleId: string, reason: string): Promise<void> {
    const connection = createRedis(TEST_REDIS_URL);
    const worker = new Worker(QUEUES.extract, null, { connection, prefix });
    try {
      const token = 'reconciler-test';
      const job = await worker.getNextJob(token, { block: false });
      expect(job?.id).toBe(jobIds.extract(articleId));
      await job.moveToFailed(new UnrecoverableError(reason), token);
    } finally {
      await worker.close();
      await connection.quit();
    }
    expect(await queues.extract.getJobState(jobIds.extract(articleId))).toBe('failed');
  }

  beforeAll(async () => {
    db = await createTestDatabase('reconciler');
    redis = createRedis(TEST_REDIS_URL);
    prefix = testQueuePrefix('reconciler');
    queues = new QueueGateway(redis, prefix);
    reconciler = new Reconciler(db.dataSource, queues);
  });

  afterAll(async () => {
    await queues.close();
    await redis.quit();
    await obliterateQueues(prefix);
    await db.drop();
  });

  it('enqueues the articles Postgres holds as queued or extracting and Redis lacks', async () => {
    const queued = await articleIn('queued');
    const stuck = await articleIn('extracting');
    const done = await articleIn('extracted');

    const first = await reconciler.run();
    expect(first.articles).toBe(2);
    for (const id of [queued, stuck])
      expect(await queues.extract.getJob(jobIds.extract(id))).toBeDefined();
    expect(await queues.extract.getJob(jobIds.extract(done))).toBeUndefined();

    // a second sweep finds nothing missing and adds nothing
    const second = await reconciler.run();
    expect(second.articles).toBe(0);
    expect(await queues.extract.count()).toBe(2);
  });

  it('retries an extraction job BullMQ gave up on while the article still waits', async () => {
    await settleEarlierArticles();
    await queues.extract.drain();
    const id = await articleIn('extracting');
    await queues.enqueueExtraction([id]);
    // its attempts ran out while Postgres was unreachable, so the article is still marked
    // extracting
    await failForGood(id, 'postgres was away');

    const swept = await reconciler.run();
    expect(swept).toMatchObject({ articles: 0, retried: 1 });
    expect(await queues.extract.getJobState(jobIds.extract(id))).toBe('waiting');
    const retried = await queues.extract.getJob(jobIds.extract(id));
    expect(retried?.attemptsMade).toBe(0);
  });

  it('leaves a failed job alone once the article itself is marked failed', async () => {
    await settleEarlierArticles();
    await queues.extract.drain();
    const id = await articleIn('extracting');
    await queues.enqueueExtraction([id]);
    await failForGood(id, 'the engine rejected it');
    await db.dataSource.query(`UPDATE articles SET status = 'failed' WHERE id = $1`, [id]);

    const swept = await reconciler.run();
    expect(swept.retried).toBe(0);
    expect(await queues.extract.getJobState(jobIds.extract(id))).toBe('failed');
  });
});
