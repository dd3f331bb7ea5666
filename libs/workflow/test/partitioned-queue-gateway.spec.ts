import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { Reconciler } from '@claimtrail/ingest';
import { createRedis } from '@claimtrail/queues';
import { assignedPartition, PartitionedQueueGateway, poolPartition } from '@claimtrail/workflow';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { obliterateQueues, TEST_REDIS_URL, testQueuePrefix } from '../../../test/support/queues';

/**
 * The worker's side of the review partitions, against real Postgres and Redis: extraction's
 * enqueue routes each claim to its partition, and the reconciler finds what a partition lacks.
 */
describe('PartitionedQueueGateway', () => {
  let db: TestDatabase;
  let redis: Redis;
  let prefix: string;
  let gateway: PartitionedQueueGateway;
  let n = 0;

  /** An article of `outlet` with `count` claims in `language`, written directly. */
  async function claimsOf(language: 'ar' | 'en', outlet: string | null, count: number) {
    n += 1;
    const [article] = await db.dataSource.query<{ id: string }[]>(
      `INSERT INTO articles (content_hash, text, outlet, language, status) VALUES ($1, 't', $2, $3, 'extracted') RETURNING id`,
      [`gateway-${n}`, outlet, language],
    );
    const rows = await db.dataSource.query<{ id: string; checkworthiness: number }[]>(
      `INSERT INTO claims (article_id, ordinal, text, start_offset, end_offset, sentence, type, checkworthiness, language)
       SELECT $1, i, 'c', 0, 1, i, 'indirect', i / 10.0, $2 FROM generate_series(0, $3 - 1) AS i
       RETURNING id, checkworthiness`,
      [article!.id, language, count],
    );
    return rows.map((r) => ({ ...r, articleId: article!.id }));
  }
  const jobsOn = (partition: string) =>
    gateway.partitions
      .queue(partition)
      .getJobs(['prioritized', 'wait'])
      .then((jobs) => jobs.map((j) => j.id).sort());

  beforeAll(async () => {
    db = await createTestDatabase('partitioned-gateway');
    redis = createRedis(TEST_REDIS_URL);
    prefix = testQueuePrefix('partitions');
    gateway = new PartitionedQueueGateway(redis, prefix, db.dataSource);
  });
  afterAll(async () => {
    await gateway?.close();
    await redis?.quit();
    await obliterateQueues(prefix);
    await db?.drop();
  });

  it('puts each claim on the partition of its language and desk, and registers them', async () => {
    const national = await claimsOf('en', 'The National', 3);
    const plain = await claimsOf('en', null, 2);
    const arabic = await claimsOf('ar', 'The National', 1);
    await gateway.enqueueReview([
      ...national,
      ...plain,
      ...arabic,
      { id: randomUUID(), articleId: randomUUID(), checkworthiness: 1 },
    ]);
    expect(await jobsOn(poolPartition('en', 'the national'))).toEqual(
      national.map((c) => c.id).sort(),
    );
    expect(await jobsOn(poolPartition('en', null))).toEqual(plain.map((c) => c.id).sort());
    expect(await jobsOn(poolPartition('ar', 'THE NATIONAL'))).toEqual([arabic[0]!.id]);
    expect((await gateway.partitions.partitions()).sort()).toEqual(
      [
        poolPartition('en', 'The National'),
        poolPartition('en', null),
        poolPartition('ar', 'The National'),
      ].sort(),
    );
    // the same claims again add nothing (job id = claim id)
    await gateway.enqueueReview(national);
    expect(await gateway.partitions.queue(poolPartition('en', 'The National')).count()).toBe(3);
    expect(await gateway.review.count()).toBe(0);
  });

  it('lets the reconciler put back exactly the waiting claims their partition lacks', async () => {
    await db.dataSource.query(`UPDATE claims SET status = 'reviewed'`);
    const [kept, lost, leased, assigned] = await claimsOf('ar', 'Asharq', 4);
    const reviewer = (
      await db.dataSource.query<{ id: string }[]>(
        `INSERT INTO api_keys (name, role, key_hash, key_prefix) VALUES ('r', 'reviewer', 'h', 'p') RETURNING id`,
      )
    )[0]!.id;
    await gateway.enqueueReview([kept!, lost!, leased!]);
    const pool = poolPartition('ar', 'Asharq');
    await gateway.partitions.queue(pool).remove(lost!.id);
    await gateway.partitions.queue(pool).remove(leased!.id);
    await db.dataSource.query(`UPDATE claims SET status = 'in_review' WHERE id = $1`, [leased!.id]);
    await db.dataSource.query(`UPDATE claims SET assigned_to = $2 WHERE id = $1`, [
      assigned!.id,
      reviewer,
    ]);
    const reconciler = new Reconciler(db.dataSource, gateway);
    expect((await reconciler.run()).claims).toBe(2);
    expect(await jobsOn(pool)).toEqual([kept!.id, lost!.id].sort());
    expect(await jobsOn(assignedPartition(reviewer))).toEqual([assigned!.id]);
    expect((await reconciler.run()).claims).toBe(0);
  });

  it('places claims that come with their routing as it says, without reading them back', async () => {
    const desk = 'Al-Sumaria';
    const written = (await claimsOf('en', desk, 2)).map((c) => ({
      ...c,
      routing: { language: 'en', outlet: desk },
    }));
    // not in Postgres: only what it carries can place it
    const unread = {
      id: randomUUID(),
      articleId: randomUUID(),
      checkworthiness: 0.5,
      routing: { language: 'ar', outlet: desk },
    };
    const [plain] = await claimsOf('ar', null, 1);
    await gateway.enqueueReview([...written, unread, plain!]);
    expect(await jobsOn(poolPartition('en', desk))).toEqual(written.map((c) => c.id).sort());
    expect(await jobsOn(poolPartition('ar', desk))).toEqual([unread.id]);
    expect(await jobsOn(poolPartition('ar', null))).toEqual([plain!.id]);
    const job = await gateway.partitions.queue(poolPartition('ar', desk)).getJob(unread.id);
    expect(job?.data).toEqual({ claimId: unread.id, articleId: unread.articleId });
  });
});
