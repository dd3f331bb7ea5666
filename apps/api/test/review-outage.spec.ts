import { setTimeout as sleep } from 'node:timers/promises';
import { startApi, type ApiHarness } from './support/api-harness';
import { json, ReviewKit, type LeaseBody } from './support/review-kit';
import { TcpProxy } from './support/tcp-proxy';

/**
 * Redis holds the leases: while the API cannot reach it, the lease routes answer 503 in JSON
 * (never a 500, never a half-written lease), the desk's numbers (from Postgres) are still
 * served, and leasing works again once Redis is back.
 */
describe('the review routes while Redis is unreachable', () => {
  const redisProxy = new TcpProxy('127.0.0.1', 6379);
  let api: ApiHarness;
  let kit: ReviewKit;

  beforeAll(async () => {
    await redisProxy.start();
    api = await startApi('review-outage', { redisUrl: `redis://127.0.0.1:${redisProxy.port}` });
    kit = new ReviewKit(api);
  });
  afterAll(async () => {
    await redisProxy.start().catch(() => undefined);
    await kit?.close();
    await api?.close();
    await redisProxy.stop();
  });

  it('answers 503 for leases, keeps the numbers, and leases again when Redis is back', async () => {
    const desk = 'Outage Observer';
    await kit.ingest(kit.englishArticle(2), { outlet: desk });
    const held = json<LeaseBody>(await kit.lease('reviewer', { desk }));
    await redisProxy.stop();

    for (const res of [
      await kit.lease('reviewer', { desk }),
      await kit.heartbeat('reviewer', held.claim.id, held.lease.token),
      await kit.release('reviewer', held.claim.id, held.lease.token),
      await kit.verdict('reviewer', held.claim.id, {
        token: held.lease.token,
        attribution: 'confirmed',
        veracity: 'true',
      }),
    ]) {
      expect(res.statusCode).toBe(503);
      expect(json<{ message: string }>(res).message).toMatch(/job queue is unavailable/);
    }
    // nothing was written by the refused verdict or release
    const claim = json<{ status: string; version: number }>(
      await kit.as('reviewer', 'GET', `/claims/${held.claim.id}`),
    );
    expect(claim).toMatchObject({ status: 'in_review', version: 2 });
    expect((await kit.as('reviewer', 'GET', '/review/stats')).statusCode).toBe(200);

    await redisProxy.start();
    const deadline = Date.now() + 20_000;
    let res = await kit.lease('reviewer', { desk });
    while (res.statusCode === 503 && Date.now() < deadline) {
      await sleep(200);
      res = await kit.lease('reviewer', { desk });
    }
    expect(res.statusCode).toBe(200);
    expect(json<LeaseBody>(res).claim.id).not.toBe(held.claim.id);
    const done = await kit.verdict('reviewer', held.claim.id, {
      token: held.lease.token,
      attribution: 'confirmed',
      veracity: 'true',
    });
    expect(done.statusCode).toBe(200);
  });
});
