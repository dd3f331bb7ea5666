import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@claimtrail/audit';
import { ApiKeyService, Reconciler } from '@claimtrail/ingest';
import { createDataSource } from '@claimtrail/persistence';
import { createRedis } from '@claimtrail/queues';
import {
  LeaseService,
  LeaseWorkers,
  leaseTiming,
  PartitionedQueueGateway,
  poolPartition,
  REVERIFY_BATCH,
  REVERIFY_SYSTEM_ACTOR,
  ReverificationService,
  VerdictService,
  type Actor,
} from '@claimtrail/workflow';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { obliterateQueues, TEST_REDIS_URL, testQueuePrefix } from '../../../test/support/queues';

const DAY = 86_400_000;

/**
 * The re-verification sweep against real Postgres and Redis: reviewed claims whose date has
 * passed go back to waiting and onto their review partition, each exactly once however many
 * sweeps run at once; claims not yet due stay; a claim judged again comes back again at its
 * new date; and a sweep whose enqueue fails loses nothing (the reconciler adds the jobs).
 */
describe('re-verification sweep', () => {
  let db: TestDatabase;
  let redis: Redis;
  let prefix: string;
  let gateway: PartitionedQueueGateway;
  let workers: LeaseWorkers;
  let leases: LeaseService;
  let verdicts: VerdictService;
  let reviewer: Actor;
  const audit = new AuditLog();
  let n = 0;

  /**
   * `count` claims of a fresh article from `desk`, reviewed (a verdict each, written as the
   * workflow writes one) and due `dueInSeconds` from now (negative: past due, the first
   * claim the most overdue).
   */
  async function reviewedClaims(
    desk: string,
    count: number,
    dueInSeconds: number,
  ): Promise<string[]> {
    n += 1;
    const claims = await db.dataSource.query<{ id: string }[]>(
      `WITH a AS (
         INSERT INTO articles (content_hash, text, outlet, language, status)
         VALUES ($1, 't', $2, 'en', 'extracted') RETURNING id)
       INSERT INTO claims (article_id, ordinal, text, start_offset, end_offset, sentence, type, checkworthiness, language)
       SELECT a.id, i, 'c', 0, 1, i, 'indirect', 0.5, 'en' FROM a, generate_series(0, $3 - 1) AS i
       RETURNING id`,
      [`reverify-sweep-${n}`, desk, count],
    );
    const ids = claims.map((c) => c.id);
    await db.dataSource.query(
      `WITH v AS (
         INSERT INTO verdicts (claim_id, reviewer_id, attribution, veracity, rationale, evidence, reverify_at)
         SELECT id, $2, 'confirmed', 'misleading', 'checked', '[]', now() + ($3 + ord) * interval '1 second'
         FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, ord)
         RETURNING id, claim_id, reverify_at)
       UPDATE claims c SET status = 'reviewed', current_verdict_id = v.id, reverify_at = v.reverify_at,
         version = c.version + 1
       FROM v WHERE c.id = v.claim_id`,
      [ids, reviewer.id, dueInSeconds - count],
    );
    return ids;
  }

  const claimRows = (ids: string[]) =>
    db.dataSource.query<
      {
        id: string;
        status: string;
        version: number;
        reverify_at: Date | null;
        current_verdict_id: string;
      }[]
    >(
      'SELECT id, status, version, reverify_at, current_verdict_id FROM claims WHERE id = ANY($1::uuid[]) ORDER BY id',
      [ids],
    );
  const dueEvents = (ids: string[]) =>
    db.dataSource.query<
      { entity_id: string; actor: string; before: Record<string, unknown>; after: object }[]
    >(
      `SELECT entity_id, actor, before, after FROM audit_events
       WHERE action = 'claim.reverify_due' AND entity_id = ANY($1::text[]) ORDER BY seq`,
      [ids],
    );
  /** The claims among `ids` that have no job on the partition they belong on. */
  const withoutJob = (ids: string[], desk: string) =>
    gateway.partitions.missing(new Map(ids.map((id) => [id, poolPartition('en', desk)])));

  beforeAll(async () => {
    db = await createTestDatabase('reverification-sweep');
    redis = createRedis(TEST_REDIS_URL);
    prefix = testQueuePrefix('reverification-sweep');
    gateway = new PartitionedQueueGateway(redis, prefix, db.dataSource);
    workers = new LeaseWorkers(gateway.partitions, leaseTiming(600_000), () => undefined);
    leases = new LeaseService(db.dataSource, audit, gateway.partitions, workers);
    verdicts = new VerdictService(leases, { misleading: 14 * DAY });
    const { key } = await new ApiKeyService(db.dataSource, audit).create(
      'reviewer',
      'reviewer',
      'system:test',
    );
    reviewer = { id: key.id, actor: `key:${key.id}` };
  });
  afterAll(async () => {
    await workers?.close();
    await gateway?.close();
    await redis?.quit();
    if (prefix) await obliterateQueues(prefix);
    await db?.drop();
  });

  it('puts every due claim back exactly once with two sweeps running at once; claims not due stay', async () => {
    const desk = 'Sweep Desk';
    // more than two batches, so the two sweeps each run several transactions side by side
    const due = await reviewedClaims(desk, 2 * REVERIFY_BATCH + 150, -5);
    const later = await reviewedClaims(desk, 20, 3600);
    const laterBefore = await claimRows(later);

    // two sweepers as two workers would be: each its own Postgres pool and Redis connection
    const other: { db: DataSource; redis: Redis; gateway: PartitionedQueueGateway } = {
      db: createDataSource(db.url, 3),
      redis: createRedis(TEST_REDIS_URL),
      gateway: undefined as unknown as PartitionedQueueGateway,
    };
    await other.db.initialize();
    other.gateway = new PartitionedQueueGateway(other.redis, prefix, other.db);
    try {
      const counts = await Promise.all([
        new ReverificationService(db.dataSource, audit, gateway.partitions).sweepDue(),
        new ReverificationService(other.db, new AuditLog(), other.gateway.partitions).sweepDue(),
      ]);
      expect(counts[0] + counts[1]).toBe(due.length);
    } finally {
      await other.gateway.close();
      await other.redis.quit();
      await other.db.destroy();
    }

    const rows = await claimRows(due);
    expect(rows.every((r) => r.status === 'queued' && r.reverify_at === null)).toBe(true);
    // one change each: reviewed at version 2, waiting again at 3
    expect(new Set(rows.map((r) => r.version))).toEqual(new Set([3]));
    const events = await dueEvents(due);
    expect(events).toHaveLength(due.length);
    expect(new Set(events.map((e) => e.entity_id)).size).toBe(due.length);
    const first = rows.find((r) => r.id === due[0])!;
    const [verdictDue] = await db.dataSource.query<{ reverify_at: Date }[]>(
      'SELECT reverify_at FROM verdicts WHERE id = $1',
      [first.current_verdict_id],
    );
    expect(events.find((e) => e.entity_id === due[0])).toMatchObject({
      actor: REVERIFY_SYSTEM_ACTOR,
      before: {
        status: 'reviewed',
        version: 2,
        verdictId: first.current_verdict_id,
        reverifyAt: verdictDue!.reverify_at.toISOString(),
      },
      after: {
        status: 'queued',
        version: 3,
        reason: 'reverify-due',
        previousVerdictId: first.current_verdict_id,
      },
    });

    // each on its partition once, carrying the reason and the verdict to re-check
    expect(await withoutJob(due, desk)).toEqual([]);
    expect(await gateway.partitions.countWaiting()).toBe(due.length);
    const job = await gateway.partitions.queue(poolPartition('en', desk)).getJob(due[7]!);
    const seventh = rows.find((r) => r.id === due[7])!;
    expect(job?.data).toEqual({
      claimId: due[7],
      articleId: expect.any(String) as string,
      reason: 'reverify-due',
      previousVerdictId: seventh.current_verdict_id,
    });

    // claims not yet due are untouched, and a sweep now finds nothing more
    expect(await claimRows(later)).toEqual(laterBefore);
    expect(
      await new ReverificationService(db.dataSource, audit, gateway.partitions).sweepDue(),
    ).toBe(0);
    expect(await dueEvents(due)).toHaveLength(due.length);
    expect((await audit.verify(db.dataSource)).ok).toBe(true);

    // leave the queue to the next test
    await gateway.partitions.queue(poolPartition('en', desk)).obliterate({ force: true });
    await db.dataSource.query(`UPDATE claims SET status = 'reviewed' WHERE id = ANY($1::uuid[])`, [
      due,
    ]);
  });

  it('a re-checked claim is leased as one, judged again, and comes back at its new date', async () => {
    const desk = 'Second Look';
    const [claimId] = await reviewedClaims(desk, 1, -1);
    const [before] = await claimRows([claimId!]);
    const sweeper = new ReverificationService(db.dataSource, audit, gateway.partitions);
    expect(await sweeper.sweepDue()).toBe(1);

    const grant = await leases.lease(reviewer, { desk });
    expect(grant).toMatchObject({
      claimId,
      currentVerdictId: before!.current_verdict_id,
      recheckReason: 'reverify-due',
    });
    const verdict = await verdicts.submit(reviewer, claimId!, grant!.token, {
      attribution: 'confirmed',
      veracity: 'misleading',
      rationale: 'still misleading',
    });
    // no date given: the policy's (misleading: 14 days)
    expect(Date.parse(verdict.reverifyAt!) - Date.now()).toBeGreaterThan(14 * DAY - 60_000);
    expect(Date.parse(verdict.reverifyAt!) - Date.now()).toBeLessThanOrEqual(14 * DAY);
    const [judged] = await claimRows([claimId!]);
    expect(judged).toMatchObject({ status: 'reviewed', current_verdict_id: verdict.id });
    expect(judged!.reverify_at?.toISOString()).toBe(verdict.reverifyAt);
    // the verdict completed its job, and completed review jobs are removed
    expect(await withoutJob([claimId!], desk)).toEqual([claimId]);

    // not due yet: the sweep leaves it
    expect(await sweeper.sweepDue()).toBe(0);
    // its new date passes (moved, as the clock would): it comes back once more, with the job
    // id it had before
    await db.dataSource.query(
      `UPDATE claims SET reverify_at = now() - interval '1 second' WHERE id = $1`,
      [claimId],
    );
    expect(await sweeper.sweepDue()).toBe(1);
    expect(await sweeper.sweepDue()).toBe(0);
    const events = await dueEvents([claimId!]);
    expect(events.map((e) => e.before.verdictId)).toEqual([before!.current_verdict_id, verdict.id]);
    const again = await leases.lease(reviewer, { desk });
    expect(again).toMatchObject({ claimId, currentVerdictId: verdict.id });
    await leases.release(reviewer, claimId!, again!.token);
  });

  it('loses nothing when the jobs cannot be added: the claims wait and the reconciler queues them', async () => {
    const desk = 'Redis Gone';
    const ids = await reviewedClaims(desk, 5, -1);
    // a connection to Redis that is gone: every command fails at once
    const dead = createRedis(TEST_REDIS_URL, { enableOfflineQueue: false });
    await new Promise((ready) => dead.once('ready', ready));
    const deadGateway = new PartitionedQueueGateway(dead, prefix, db.dataSource);
    // (the partitions report through the review queue)
    for (const q of [deadGateway.extract, deadGateway.review]) q.on('error', () => undefined);
    dead.disconnect();
    const errors: unknown[] = [];
    try {
      const sweeper = new ReverificationService(db.dataSource, audit, deadGateway.partitions, (e) =>
        errors.push(e),
      );
      expect(await sweeper.sweepDue()).toBe(5);
    } finally {
      await deadGateway.close().catch(() => undefined);
    }
    expect(errors).toHaveLength(1);
    expect((await claimRows(ids)).map((r) => r.status)).toEqual(Array(5).fill('queued'));
    expect((await withoutJob(ids, desk)).sort()).toEqual([...ids].sort());

    await new Reconciler(db.dataSource, gateway).run();
    expect(await withoutJob(ids, desk)).toEqual([]);
  });
});
