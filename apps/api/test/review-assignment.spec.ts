import { randomUUID } from 'node:crypto';
import { ApiKeyService, Reconciler } from '@claimtrail/ingest';
import { assignedPartition, poolPartition } from '@claimtrail/workflow';
import { startApi, type ApiHarness } from './support/api-harness';
import { containing } from './support/matchers';
import { json, ReviewKit, type LeaseBody } from './support/review-kit';

/**
 * Assigning claims: an assigned claim goes to its assignee's next lease first and to nobody
 * else's, wherever its job happens to be; Redis losing the job does not lose the assignment.
 */
describe('claim assignment', () => {
  let api: ApiHarness;
  let kit: ReviewKit;
  /** Keys of two more reviewers (raw keys, usable with kit.as). */
  const alice = { id: '', key: '' };
  const bob = { id: '', key: '' };

  const assign = (claimId: string, apiKeyId: string, role = 'editor') =>
    kit.as(role, 'POST', `/claims/${claimId}/assign`, { apiKeyId });
  /** Leases everything `who` can get with `filter`; returns the claim ids, leases kept. */
  const drain = async (who: string, filter: object) => {
    const got: string[] = [];
    for (;;) {
      const res = await kit.lease(who, filter);
      if (res.statusCode === 204) return got;
      got.push(json<LeaseBody>(res).claim.id);
    }
  };
  const lowestPriority = async (ids: string[]) =>
    (
      await api.db.dataSource.query<{ id: string }[]>(
        'SELECT id FROM claims WHERE id = ANY($1) ORDER BY checkworthiness, id LIMIT 1',
        [ids],
      )
    )[0]!.id;

  beforeAll(async () => {
    api = await startApi('review-assignment');
    kit = new ReviewKit(api);
    const keys = api.app.get(ApiKeyService);
    for (const who of [alice, bob]) {
      const { key, secret } = await keys.create('reviewer', 'reviewer', 'system:test');
      who.id = key.id;
      who.key = secret;
    }
  });
  afterAll(async () => {
    await kit?.close();
    await api?.close();
  });

  it('gives an assigned claim to its assignee first, whatever their filter, and to nobody else', async () => {
    const desk = 'Assignment Herald';
    const ids = await kit.ingest(kit.englishArticle(3), { outlet: desk });
    const target = await lowestPriority(ids);
    const res = await assign(target, alice.id);
    expect(res.statusCode).toBe(200);
    expect(json<{ id: string; status: string; version: number }>(res)).toMatchObject({
      id: target,
      status: 'queued',
      version: 2,
    });
    // everyone else drains the desk without meeting it
    const others = await drain(bob.key, { desk });
    expect(others.sort()).toEqual(ids.filter((id) => id !== target).sort());
    // Alice gets it first even asking for Arabic claims only
    const mine = json<LeaseBody>(await kit.lease(alice.key, { language: 'ar' }));
    expect(mine.claim.id).toBe(target);
    const audit = await api.db.dataSource.query<
      { action: string; actor: string; after: unknown }[]
    >(
      `SELECT action, actor, after FROM audit_events WHERE entity_id = $1 AND action = 'claim.assigned'`,
      [target],
    );
    expect(audit).toEqual([
      containing({
        actor: `key:${api.keyIds.editor}`,
        after: { assignedTo: alice.id, version: 2 },
      }),
    ]);
  });

  it('lets a claim under lease keep it, and sends it to the assignee when it is released', async () => {
    const desk = 'Release Gazette';
    await kit.ingest(kit.oneClaimArticle(), { outlet: desk });
    const held = json<LeaseBody>(await kit.lease('reviewer', { desk }));
    expect((await assign(held.claim.id, alice.id)).statusCode).toBe(200);
    expect((await kit.heartbeat('reviewer', held.claim.id, held.lease.token)).statusCode).toBe(200);
    expect((await kit.release('reviewer', held.claim.id, held.lease.token)).statusCode).toBe(204);
    expect((await kit.lease('reviewer', { desk })).statusCode).toBe(204);
    expect(json<LeaseBody>(await kit.lease(alice.key)).claim.id).toBe(held.claim.id);
  });

  it('moves a job found on the wrong partition to the assignee instead of leasing it', async () => {
    const desk = 'Stray Job Journal';
    const [claimId] = await kit.ingest(kit.oneClaimArticle(), { outlet: desk });
    expect((await assign(claimId!, bob.id)).statusCode).toBe(200);
    // a stray copy of its job on the pool partition, as a reconciler racing the move leaves
    const [claim] = await api.db.dataSource.query<{ article_id: string }[]>(
      'SELECT article_id FROM claims WHERE id = $1',
      [claimId],
    );
    await kit.gateway.partitions.add(
      new Map([
        [
          poolPartition('en', desk),
          [{ id: claimId!, articleId: claim!.article_id, checkworthiness: 1 }],
        ],
      ]),
    );
    expect((await kit.lease('reviewer', { desk })).statusCode).toBe(204);
    expect(json<LeaseBody>(await kit.lease(bob.key)).claim.id).toBe(claimId);
    expect(await kit.gateway.partitions.queue(poolPartition('en', desk)).count()).toBe(0);
  });

  it('survives Redis losing the job: the reconciler puts it on the assignee partition', async () => {
    const [claimId] = await kit.ingest(kit.oneClaimArticle(), { outlet: 'Lost Job Ledger' });
    expect((await assign(claimId!, alice.id)).statusCode).toBe(200);
    const partition = kit.gateway.partitions.queue(assignedPartition(alice.id));
    expect(await partition.remove(claimId!)).toBe(1);
    const reconciler = new Reconciler(api.db.dataSource, kit.gateway);
    expect((await reconciler.run()).claims).toBeGreaterThanOrEqual(1);
    expect(await partition.getJob(claimId!)).toBeDefined();
    // and only once: a second sweep finds nothing missing
    expect((await reconciler.run()).claims).toBe(0);
    expect(json<LeaseBody>(await kit.lease(alice.key)).claim.id).toBe(claimId);
  });

  it('refuses assignments it cannot honour', async () => {
    const [claimId] = await kit.ingest(kit.oneClaimArticle(), { outlet: 'Refusals Daily' });
    const keys = api.app.get(ApiKeyService);
    const { key: revoked } = await keys.create('gone', 'reviewer', 'system:test');
    await keys.revoke(revoked.id, 'system:test');
    for (const [apiKeyId, status, message] of [
      [api.keyIds.auditor, 400, /apiKeyId names a key of role auditor, which may not review/],
      [randomUUID(), 400, /apiKeyId must name an API key that is not revoked/],
      [revoked.id, 400, /apiKeyId must name an API key that is not revoked/],
      ['someone', 400, /apiKeyId must be a UUID/],
    ] as const) {
      const res = await assign(claimId!, apiKeyId);
      expect(`${res.statusCode} ${json<{ message: string }>(res).message}`).toMatch(
        new RegExp(`^${status} .*${message.source}`),
      );
    }
    expect((await assign(randomUUID(), alice.id)).statusCode).toBe(404);
    expect((await assign(claimId!, api.keyIds.editor)).statusCode).toBe(200);
    const { lease } = json<LeaseBody>(await kit.lease('editor'));
    const done = await kit.verdict('editor', claimId!, {
      token: lease.token,
      attribution: 'confirmed',
      veracity: 'true',
    });
    expect(done.statusCode).toBe(200);
    const res = await assign(claimId!, alice.id);
    expect(res.statusCode).toBe(409);
    expect(json<{ message: string }>(res).message).toMatch(/already reviewed/);
  });
});
