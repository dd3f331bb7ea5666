import { setTimeout as sleep } from 'node:timers/promises';
import { startApi, type ApiHarness } from './support/api-harness';
import { containing } from './support/matchers';
import { json, ReviewKit, type LeaseBody } from './support/review-kit';

/** Leases of one second, so that abandoned ones run out while the test watches. */
const LEASE_MS = 1_000;

/** Polls `check` until it returns a value, for at most `ms`. */
async function eventually<T>(what: string, check: () => Promise<T | undefined>, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * Leases run out without anyone's action: BullMQ's stalled checker, run by the API, puts an
 * abandoned claim's job back on its queue, and the lease sweeper records it in Postgres.
 */
describe('lease expiry', () => {
  let api: ApiHarness;
  let kit: ReviewKit;
  const verdictRows = async (claimId: string) =>
    (
      await api.db.dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM verdicts WHERE claim_id = $1',
        [claimId],
      )
    )[0]!.n;

  beforeAll(async () => {
    api = await startApi('review-expiry', { reviewLeaseMs: LEASE_MS });
    kit = new ReviewKit(api);
  });
  afterAll(async () => {
    await kit?.close();
    await api?.close();
  });

  it('gives an abandoned claim to the next reviewer once its lease has run out', async () => {
    const desk = 'Abandoned Courier';
    const [claimId] = await kit.ingest(kit.oneClaimArticle(), { outlet: desk });
    const first = json<LeaseBody>(await kit.lease('reviewer', { desk }));
    expect(first.claim.id).toBe(claimId);
    // while the lease runs, nobody else gets the claim
    expect((await kit.lease('editor', { desk })).statusCode).toBe(204);
    const second = await eventually('the claim to be leased again', async () => {
      const res = await kit.lease('editor', { desk });
      return res.statusCode === 200 ? json<LeaseBody>(res) : undefined;
    });
    expect(second.claim.id).toBe(claimId);
    // not before the lease the first reviewer was told of had run out
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(first.lease.expiresAt));
    // the first reviewer's lease is lost: their verdict is refused and writes nothing
    const late = await kit.verdict('reviewer', claimId!, {
      token: first.lease.token,
      attribution: 'confirmed',
      veracity: 'false',
      rationale: 'too late',
    });
    expect(late.statusCode).toBe(409);
    expect((await kit.heartbeat('reviewer', claimId!, first.lease.token)).statusCode).toBe(409);
    expect(await verdictRows(claimId!)).toBe(0);
    // the second reviewer's stands
    const done = await kit.verdict('editor', claimId!, {
      token: second.lease.token,
      attribution: 'confirmed',
      veracity: 'true',
    });
    expect(done.statusCode).toBe(200);
    expect(await verdictRows(claimId!)).toBe(1);
    // every lease ends once in the audit log: the first ran out, the second ended in a verdict
    const actions = await api.db.dataSource.query<{ action: string; actor: string }[]>(
      `SELECT action, actor FROM audit_events WHERE entity_id = $1 AND action LIKE 'claim.%' AND action <> 'claim.created' ORDER BY seq`,
      [claimId],
    );
    expect(actions).toEqual([
      { action: 'claim.leased', actor: `key:${api.keyIds.reviewer}` },
      { action: 'claim.lease_expired', actor: 'system:review' },
      { action: 'claim.leased', actor: `key:${api.keyIds.editor}` },
      { action: 'claim.reviewed', actor: `key:${api.keyIds.editor}` },
    ]);
  });

  it('records the expiry in Postgres and the audit log, and refuses a verdict after it', async () => {
    const desk = 'Expiry Observer';
    const [claimId] = await kit.ingest(kit.oneClaimArticle(), { outlet: desk });
    const { lease } = json<LeaseBody>(await kit.lease('reviewer', { desk }));
    const waiting = await eventually('the claim to wait again', async () => {
      const claim = json<{ status: string; version: number }>(
        await kit.as('reviewer', 'GET', `/claims/${claimId}`),
      );
      return claim.status === 'queued' ? claim : undefined;
    });
    expect(waiting.version).toBe(3);
    const events = await api.db.dataSource.query<{ actor: string; before: unknown }[]>(
      `SELECT actor, before FROM audit_events WHERE entity_id = $1 AND action = 'claim.lease_expired'`,
      [claimId],
    );
    expect(events).toEqual([
      containing({
        actor: 'system:review',
        before: containing({ status: 'in_review', reviewerId: api.keyIds.reviewer }),
      }),
    ]);
    const late = await kit.verdict('reviewer', claimId!, {
      token: lease.token,
      attribution: 'unconfirmed',
      veracity: 'unverifiable',
      rationale: 'after the lease ran out',
    });
    expect(late.statusCode).toBe(409);
    expect(await verdictRows(claimId!)).toBe(0);
    expect(json<LeaseBody>(await kit.lease('editor', { desk })).claim.id).toBe(claimId);
  });

  it('keeps a lease that heartbeats come for', async () => {
    const desk = 'Heartbeat Monitor';
    const [claimId] = await kit.ingest(kit.oneClaimArticle(), { outlet: desk });
    const { lease } = json<LeaseBody>(await kit.lease('reviewer', { desk }));
    const until = Date.now() + 3 * LEASE_MS;
    while (Date.now() < until) {
      expect((await kit.heartbeat('reviewer', claimId!, lease.token)).statusCode).toBe(200);
      expect((await kit.lease('editor', { desk })).statusCode).toBe(204);
      await sleep(LEASE_MS / 4);
    }
    const claim = json<{ status: string }>(await kit.as('reviewer', 'GET', `/claims/${claimId}`));
    expect(claim.status).toBe('in_review');
    const done = await kit.verdict('reviewer', claimId!, {
      token: lease.token,
      attribution: 'confirmed',
      veracity: 'true',
    });
    expect(done.statusCode).toBe(200);
  });
});
