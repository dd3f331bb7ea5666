import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { AuditLog } from '@claimtrail/audit';
import { ApiKeyService } from '@claimtrail/ingest';
import { createRedis, QUEUES, REVERIFY_SCHEDULER_ID } from '@claimtrail/queues';
import {
  LeaseService,
  LeaseWorkers,
  leaseTiming,
  PartitionedQueueGateway,
  poolPartition,
  VerdictService,
  type Actor,
} from '@claimtrail/workflow';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { obliterateQueues, TEST_REDIS_URL, testQueuePrefix } from '../../../test/support/queues';
import { WorkerProcesses } from './support/worker-processes';
import { eventually } from './support/worker-test-kit';

/**
 * Re-verification with two worker processes running, as production scales out: both
 * register the sweep (one schedule) and both wait for its jobs. Claims whose verdict falls due
 * come back on the review queue exactly once for each due date; claims not yet due stay.
 * The workers run from source with tsx as a loader, one process each (as worker-crash).
 */
const DESK = 'Two Workers Desk';
const DUE = 30;
const LATER = 5;

jest.setTimeout(90_000);

describe('re-verification with two worker processes', () => {
  let db: TestDatabase;
  let redis: Redis;
  let prefix: string;
  let gateway: PartitionedQueueGateway;
  let leaseWorkers: LeaseWorkers;
  let leases: LeaseService;
  let verdicts: VerdictService;
  let sweeps: Queue;
  let reviewer: Actor;
  const audit = new AuditLog();
  const processes = new WorkerProcesses();
  const spawnWorker = () =>
    processes.start(
      { databaseUrl: db.url, redisUrl: TEST_REDIS_URL, queuePrefix: prefix },
      // a sweep every second, so that both workers take many
      { REVERIFY_CRON: '* * * * * *', WORKER_CONCURRENCY: '2' },
    );
  const stop = (child: ChildProcess, signal: NodeJS.Signals) => processes.stop(child, signal);

  /** Reviews every waiting claim of the desk, each due `dueInMs` from now (by the reviewer). */
  async function reviewAll(dueInMs: (i: number) => number): Promise<string[]> {
    const grants = [];
    for (;;) {
      const grant = await leases.lease(reviewer, { desk: DESK });
      if (!grant) break;
      grants.push(grant);
    }
    const now = Date.now();
    await Promise.all(
      grants.map((g, i) =>
        verdicts.submit(reviewer, g.claimId, g.token, {
          attribution: 'confirmed',
          veracity: 'misleading',
          rationale: 'out of context',
          reverifyAt: new Date(now + dueInMs(i)),
        }),
      ),
    );
    return grants.map((g) => g.claimId);
  }

  const statuses = (ids: string[]) =>
    db.dataSource.query<{ id: string; status: string; reverify_at: Date | null }[]>(
      'SELECT id, status, reverify_at FROM claims WHERE id = ANY($1::uuid[]) ORDER BY id',
      [ids],
    );
  const dueEvents = (ids: string[]) =>
    db.dataSource.query<{ entity_id: string; before: { verdictId: string; reverifyAt: string } }[]>(
      `SELECT entity_id, before FROM audit_events
       WHERE action = 'claim.reverify_due' AND entity_id = ANY($1::text[]) ORDER BY seq`,
      [ids],
    );

  beforeAll(async () => {
    db = await createTestDatabase('reverification-workers');
    prefix = testQueuePrefix('reverification-workers');
    redis = createRedis(TEST_REDIS_URL);
    gateway = new PartitionedQueueGateway(redis, prefix, db.dataSource);
    leaseWorkers = new LeaseWorkers(gateway.partitions, leaseTiming(600_000), () => undefined);
    leases = new LeaseService(db.dataSource, audit, gateway.partitions, leaseWorkers);
    verdicts = new VerdictService(leases);
    sweeps = new Queue(QUEUES.reverify, { connection: redis, prefix });
    const { key } = await new ApiKeyService(db.dataSource, audit).create(
      'reviewer',
      'reviewer',
      'system:test',
    );
    reviewer = { id: key.id, actor: `key:${key.id}` };

    const [article] = await db.dataSource.query<{ id: string }[]>(
      `INSERT INTO articles (content_hash, text, outlet, language, status)
       VALUES ('two-workers', 't', $1, 'en', 'extracted') RETURNING id`,
      [DESK],
    );
    const claims = await db.dataSource.query<{ id: string; checkworthiness: number }[]>(
      `INSERT INTO claims (article_id, ordinal, text, start_offset, end_offset, sentence, type, checkworthiness, language)
       SELECT $1, i, 'c', 0, 1, i, 'indirect', 0.5, 'en' FROM generate_series(0, $2 - 1) AS i
       RETURNING id, checkworthiness`,
      [article!.id, DUE + LATER],
    );
    await gateway.enqueueReview(claims.map((c) => ({ ...c, articleId: article!.id })));
  });

  afterAll(async () => {
    await processes.killAll();
    await sweeps?.close();
    await leaseWorkers?.close();
    await gateway?.close();
    await redis?.quit();
    if (prefix) await obliterateQueues(prefix);
    await db?.drop();
  });

  it('puts each claim due back on the review queue once per due date', async () => {
    // 30 claims due in a few seconds (the verdict's date must be in the future), 5 in an hour
    const reviewed = await reviewAll((i) => (i < DUE ? 4_000 : 3_600_000));
    const due = reviewed.slice(0, DUE);
    const later = reviewed.slice(DUE);
    expect(due).toHaveLength(DUE);
    expect(later).toHaveLength(LATER);
    const laterBefore = await statuses(later);

    const workers = [spawnWorker(), spawnWorker()];
    await eventually(
      'both workers to take re-verification jobs',
      async () => (await sweeps.getWorkersCount()) >= 2 || undefined,
      30_000,
      100,
    );
    expect(await sweeps.getJobScheduler(REVERIFY_SCHEDULER_ID)).toMatchObject({
      pattern: '* * * * * *',
      tz: 'UTC',
    });

    await eventually(
      'the due claims to wait for review again',
      async () => (await statuses(due)).every((c) => c.status === 'queued') || undefined,
      30_000,
      100,
    );
    // several more sweeps by both workers find nothing more to do
    await sleep(3_500);
    const events = await dueEvents(due);
    expect(events).toHaveLength(DUE);
    expect(new Set(events.map((e) => e.entity_id))).toEqual(new Set(due));
    // each on its partition exactly once (job id = claim id), and nothing else waits
    const partition = poolPartition('en', DESK);
    expect(await gateway.partitions.missing(new Map(due.map((id) => [id, partition])))).toEqual([]);
    expect(await gateway.partitions.countWaiting()).toBe(DUE);
    // the claims due later are untouched
    expect(await statuses(later)).toEqual(laterBefore);
    expect(await dueEvents(later)).toEqual([]);
    // the sweeps ran on the scheduler's beat (one job a beat, whichever worker took it)
    expect(await sweeps.getCompletedCount()).toBeGreaterThanOrEqual(3);

    // judged again with a new date: it comes back once more at that date, and only then
    const grant = await leases.lease(reviewer, { desk: DESK });
    expect(grant).toMatchObject({ recheckReason: 'reverify-due' });
    const again = await verdicts.submit(reviewer, grant!.claimId, grant!.token, {
      attribution: 'confirmed',
      veracity: 'false',
      rationale: 'worse than it looked',
      reverifyAt: new Date(Date.now() + 2_000),
    });
    await eventually(
      'the claim to come back at its new date',
      async () => (await statuses([grant!.claimId]))[0]?.status === 'queued' || undefined,
      15_000,
      100,
    );
    await sleep(2_500);
    const twice = await dueEvents([grant!.claimId]);
    expect(twice.map((e) => e.before.verdictId)).toEqual([grant!.currentVerdictId, again.id]);
    expect(Date.parse(twice[1]!.before.reverifyAt)).toBe(Date.parse(again.reverifyAt!));
    expect(await dueEvents(due)).toHaveLength(DUE + 1);
    expect((await audit.verify(db.dataSource)).ok).toBe(true);

    // SIGTERM: both finish and exit 0, having written nothing to stderr
    expect(await Promise.all(workers.map((w) => stop(w, 'SIGTERM')))).toEqual([0, 0]);
    expect(processes.stderr).toBe('');
  });
});
