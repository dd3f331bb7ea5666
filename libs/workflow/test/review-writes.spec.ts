import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AuditLog } from '@claimtrail/audit';
import { ApiKeyService } from '@claimtrail/ingest';
import { createRedis } from '@claimtrail/queues';
import {
  LeaseService,
  LeaseWorkers,
  leaseTiming,
  PartitionedQueueGateway,
  VerdictService,
  type Actor,
  type LeaseGrant,
  type VerdictInput,
} from '@claimtrail/workflow';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { obliterateQueues, TEST_REDIS_URL, testQueuePrefix } from '../../../test/support/queues';

const INPUT: VerdictInput = { attribution: 'confirmed', veracity: 'false', rationale: 'checked' };

/**
 * Leases and verdicts that arrive together are written in one transaction (group commit),
 * against real Postgres and Redis: each caller keeps its own outcome, a verdict whose lease
 * was lost writes nothing while the others of its batch commit, and two calls on one claim
 * never share a batch.
 */
describe('review writes given at once', () => {
  let db: TestDatabase;
  let redis: Redis;
  let prefix: string;
  let gateway: PartitionedQueueGateway;
  let workers: LeaseWorkers;
  let leases: LeaseService;
  let verdicts: VerdictService;
  const reviewers: Actor[] = [];
  let n = 0;

  /**
   * `count` claims of a fresh article from `desk`, queued for review (each test leases from
   * a desk of its own, so none takes another's claims).
   */
  async function queueClaims(desk: string, count: number): Promise<string[]> {
    n += 1;
    const [article] = await db.dataSource.query<{ id: string }[]>(
      `INSERT INTO articles (content_hash, text, outlet, language, status) VALUES ($1, 't', $2, 'en', 'extracted') RETURNING id`,
      [`review-writes-${n}`, desk],
    );
    const claims = await db.dataSource.query<{ id: string; checkworthiness: number }[]>(
      `INSERT INTO claims (article_id, ordinal, text, start_offset, end_offset, sentence, type, checkworthiness, language)
       SELECT $1, i, 'c', 0, 1, i, 'indirect', 0.5, 'en' FROM generate_series(0, $2 - 1) AS i
       RETURNING id, checkworthiness`,
      [article!.id, count],
    );
    await gateway.enqueueReview(claims.map((c) => ({ ...c, articleId: article!.id })));
    return claims.map((c) => c.id);
  }
  const lease = async (reviewer: Actor, desk: string): Promise<LeaseGrant> => {
    const grant = await leases.lease(reviewer, { desk });
    if (!grant) throw new Error('nothing to lease');
    return grant;
  };
  const verdictRows = (claimIds: string[]) =>
    db.dataSource.query<{ claim_id: string; created_at: Date }[]>(
      'SELECT claim_id, created_at FROM verdicts WHERE claim_id = ANY($1::uuid[])',
      [claimIds],
    );
  const claimRow = async (claimId: string) =>
    (
      await db.dataSource.query<{ status: string; version: number; lease_holder: string }[]>(
        'SELECT status, version, lease_holder FROM claims WHERE id = $1',
        [claimId],
      )
    )[0];

  beforeAll(async () => {
    db = await createTestDatabase('review-writes');
    redis = createRedis(TEST_REDIS_URL);
    prefix = testQueuePrefix('review-writes');
    gateway = new PartitionedQueueGateway(redis, prefix, db.dataSource);
    workers = new LeaseWorkers(gateway.partitions, leaseTiming(600_000), () => undefined);
    const audit = new AuditLog();
    leases = new LeaseService(db.dataSource, audit, gateway.partitions, workers);
    verdicts = new VerdictService(leases);
    const keys = new ApiKeyService(db.dataSource, audit);
    for (const name of ['alice', 'bob']) {
      const { key } = await keys.create(name, 'reviewer', 'system:test');
      reviewers.push({ id: key.id, actor: `key:${key.id}` });
    }
  });
  afterAll(async () => {
    await workers?.close();
    await gateway?.close();
    await redis?.quit();
    await obliterateQueues(prefix);
    await db?.drop();
  });

  it('writes verdicts given at once together; a lost lease among them gets 409 and no row', async () => {
    const desk = 'Batch Courier';
    await queueClaims(desk, 4);
    const [alice, bob] = reviewers as [Actor, Actor];
    const ok1 = await lease(alice, desk);
    const stolen = await lease(alice, desk);
    const released = await lease(bob, desk);
    const ok2 = await lease(bob, desk);
    await leases.release(bob, released.claimId, released.token);

    const outcomes = await Promise.allSettled([
      verdicts.submit(alice, ok1.claimId, ok1.token, INPUT),
      // not the token the claim's job is locked with: BullMQ refuses to complete it
      verdicts.submit(alice, stolen.claimId, randomUUID(), INPUT),
      // released before: Postgres no longer shows it leased
      verdicts.submit(bob, released.claimId, released.token, INPUT),
      verdicts.submit(bob, ok2.claimId, ok2.token, INPUT),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    for (const refused of [outcomes[1], outcomes[2]])
      expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'conflict' } });

    const rows = await verdictRows([ok1.claimId, stolen.claimId, released.claimId, ok2.claimId]);
    expect(rows.map((r) => r.claim_id).sort()).toEqual([ok1.claimId, ok2.claimId].sort());
    // one transaction: Postgres's now() is the same for both rows
    expect(rows[0]!.created_at.getTime()).toBe(rows[1]!.created_at.getTime());
    // the refused verdict left its claim's lease as it was: it can still be judged under it
    expect(await claimRow(stolen.claimId)).toEqual({
      status: 'in_review',
      version: 2,
      lease_holder: alice.id,
    });
    await expect(
      verdicts.submit(alice, stolen.claimId, stolen.token, INPUT),
    ).resolves.toMatchObject({ claimId: stolen.claimId, reviewerId: alice.id });
    expect(await claimRow(released.claimId)).toMatchObject({ status: 'queued' });

    const reviewed = await db.dataSource.query<{ entity_id: string }[]>(
      `SELECT entity_id FROM audit_events WHERE action = 'claim.reviewed' ORDER BY seq`,
    );
    expect(reviewed.map((e) => e.entity_id).sort()).toEqual(
      [ok1.claimId, ok2.claimId, stolen.claimId].sort(),
    );
    expect((await new AuditLog().verify(db.dataSource)).ok).toBe(true);
  });

  it('writes one of two verdicts given at once on the same claim, and refuses the other', async () => {
    const desk = 'Twice Told';
    await queueClaims(desk, 1);
    const [alice] = reviewers as [Actor];
    const grant = await lease(alice, desk);
    const outcomes = await Promise.allSettled([
      verdicts.submit(alice, grant.claimId, grant.token, INPUT),
      verdicts.submit(alice, grant.claimId.toUpperCase(), grant.token, {
        ...INPUT,
        veracity: 'true',
      }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect(outcomes[1]).toMatchObject({ reason: { code: 'conflict' } });
    expect(await verdictRows([grant.claimId])).toHaveLength(1);
    expect(await claimRow(grant.claimId)).toMatchObject({ status: 'reviewed', version: 3 });
  });

  it('hands leases taken at once each a claim of its own, each recorded once', async () => {
    const desk = 'Rush Hour';
    const ids = await queueClaims(desk, 6);
    const grants = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => lease(reviewers[i % 2]!, desk)));
    expect(grants.map((g) => g.claimId).sort()).toEqual([...ids].sort());
    for (const [i, g] of grants.entries())
      expect(await claimRow(g.claimId)).toEqual({
        status: 'in_review',
        version: 2,
        lease_holder: reviewers[i % 2]!.id,
      });
    const [events] = await db.dataSource.query<{ n: number; claims: number }[]>(
      `SELECT count(*)::int AS n, count(DISTINCT entity_id)::int AS claims FROM audit_events
       WHERE action = 'claim.leased' AND entity_id = ANY($1::text[])`,
      [ids],
    );
    expect(events).toEqual({ n: 6, claims: 6 });
    // and each can be judged under its own lease, all at once
    const done = await Promise.all(
      grants.map((g, i) => verdicts.submit(reviewers[i % 2]!, g.claimId, g.token, INPUT)),
    );
    expect(done.map((v) => v.claimId).sort()).toEqual([...ids].sort());
  });
});
