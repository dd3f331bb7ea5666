import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { loadConfig } from '@claimtrail/config';
import { createRedis, QUEUES, REVERIFY_SCHEDULER_ID } from '@claimtrail/queues';
import { TEST_REDIS_URL } from '../../../test/support/queues';
import { startApi, type ApiHarness } from './support/api-harness';
import { containing } from './support/matchers';
import { json, ReviewKit, type LeaseBody } from './support/review-kit';

const DAY = 86_400_000;

interface Verdict {
  id: string;
  veracity: string;
  reverifyAt: string | null;
}
interface ClaimBody {
  id: string;
  status: string;
  version: number;
  verdict?: Verdict;
  reverifyAt?: string;
  history?: Verdict[];
}
type Recheck = { previousVerdictId: string; reason: string | null };
interface Status {
  policy: Record<string, string>;
  schedule: { cron: string; timezone: string; registered: boolean; nextRuns: string[] };
  due: number;
  upcoming: { claimId: string; reverifyAt: string }[];
}

/**
 * Re-verification through the API, against real Postgres and Redis: verdicts are dated by
 * the policy unless the reviewer gives a date, editors send reviewed claims back to review
 * (and the next lease says it is a re-check), and the policy, the schedule and the claims
 * due can be read.
 */
describe('re-verification', () => {
  let api: ApiHarness;
  let kit: ReviewKit;
  const db = () => api.db.dataSource;
  const reverify = (who: string, claimId: string, url = `/claims/${claimId}/reverify`) =>
    kit.as(who, 'POST', url);

  /** One claim of a desk of its own, leased and judged; answers the reviewed claim. */
  async function judged(desk: string, verdict: object): Promise<ClaimBody> {
    await kit.ingest(kit.oneClaimArticle(), { outlet: desk });
    const leased = json<LeaseBody & { recheck?: Recheck }>(await kit.lease('reviewer', { desk }));
    // a claim never judged before: this lease is no re-check
    expect(leased).not.toHaveProperty('recheck');
    const res = await kit.verdict('reviewer', leased.claim.id, {
      token: leased.lease.token,
      ...verdict,
    });
    expect(res.statusCode).toBe(200);
    return json<ClaimBody>(res);
  }

  beforeAll(async () => {
    api = await startApi('reverification', {
      reverifyAfter: loadConfig({ REVERIFY_AFTER: 'misleading=14d,false=30d,unconfirmed=2d' })
        .reverifyAfter,
      reverifyCron: '0 3 * * *',
    });
    kit = new ReviewKit(api);
  });
  afterAll(async () => {
    await kit?.close();
    await api?.close();
  });

  it('dates a verdict by the policy when the reviewer gives no date; the reviewer’s date wins', async () => {
    const near = (iso: string | undefined, ms: number) => {
      const delay = Date.parse(iso ?? '') - Date.now();
      return delay <= ms && delay > ms - 60_000;
    };
    const misleading = await judged('Policy Desk A', {
      attribution: 'misattributed',
      veracity: 'misleading',
      rationale: 'The ministry said it.',
    });
    expect(near(misleading.reverifyAt, 14 * DAY)).toBe(true);
    // the verdict records the date it was given
    expect(misleading.verdict!.reverifyAt).toBe(misleading.reverifyAt);

    // the sooner of the veracity's and the attribution's delays
    const unconfirmed = await judged('Policy Desk B', {
      attribution: 'unconfirmed',
      veracity: 'misleading',
      rationale: 'Nobody confirms who said it.',
    });
    expect(near(unconfirmed.reverifyAt, 2 * DAY)).toBe(true);

    // a verdict of values the policy does not list is not due
    const settled = await judged('Policy Desk C', { attribution: 'confirmed', veracity: 'true' });
    expect(settled).not.toHaveProperty('reverifyAt');
    expect(settled.verdict!.reverifyAt).toBeNull();

    const own = new Date(Date.now() + 200 * DAY).toISOString();
    const chosen = await judged('Policy Desk D', {
      attribution: 'confirmed',
      veracity: 'false',
      rationale: 'Checked against the registry.',
      reverifyAt: own,
    });
    expect(chosen).toMatchObject({ reverifyAt: own, verdict: { reverifyAt: own } });
    const sooner = new Date(Date.now() + DAY).toISOString();
    const earlier = await judged('Policy Desk E', {
      attribution: 'confirmed',
      veracity: 'false',
      rationale: 'Checked against the registry.',
      reverifyAt: sooner,
    });
    expect(earlier.reverifyAt).toBe(sooner);
    // as stored, not only as answered
    const [row] = await db().query<{ reverify_at: Date }[]>(
      'SELECT reverify_at FROM claims WHERE id = $1',
      [chosen.id],
    );
    expect(row!.reverify_at.toISOString()).toBe(own);
  });

  it('sends a reviewed claim back to review on an editor’s request, once', async () => {
    const desk = 'Manual Recheck Desk';
    const reviewed = await judged(desk, {
      attribution: 'confirmed',
      veracity: 'misleading',
      rationale: 'Half the figure.',
    });
    const previous = reviewed.verdict!;
    // extracted long ago
    await db().query(`UPDATE claims SET created_at = now() - interval '30 days' WHERE id = $1`, [
      reviewed.id,
    ]);

    const res = await reverify('editor', reviewed.id);
    expect(res.statusCode).toBe(202);
    const back = json<ClaimBody>(res);
    // waiting again; its verdict stays shown until the next one, its date is cleared
    expect(back).toMatchObject({
      id: reviewed.id,
      status: 'queued',
      version: reviewed.version + 1,
      verdict: previous,
    });
    expect(back).not.toHaveProperty('reverifyAt');
    // only a reviewed claim can be sent back
    const again = await reverify('editor', reviewed.id);
    expect(again.statusCode).toBe(409);
    expect(json<{ message: string }>(again).message).toMatch(
      /is waiting for review already: only a reviewed claim can be sent back/,
    );

    const events = await db().query<{ actor: string; before: unknown; after: unknown }[]>(
      `SELECT actor, before, after FROM audit_events WHERE action = 'claim.reverify_requested' AND entity_id = $1`,
      [reviewed.id],
    );
    expect(events).toEqual([
      {
        actor: `key:${api.keyIds.editor}`,
        before: {
          status: 'reviewed',
          version: reviewed.version,
          verdictId: previous.id,
          reverifyAt: reviewed.reverifyAt,
        },
        after: {
          status: 'queued',
          version: reviewed.version + 1,
          reason: 'reverify-manual',
          previousVerdictId: previous.id,
        },
      },
    ]);

    // it has waited since it went back, not since its extraction
    const stats = json<{ waiting: number; oldestWaitingSeconds: number }>(
      await kit.as('reviewer', 'GET', '/review/stats'),
    );
    expect(stats.waiting).toBeGreaterThanOrEqual(1);
    expect(stats.oldestWaitingSeconds).toBeLessThan(60);

    // the next lease of it is a re-check, and says so
    const leased = json<LeaseBody & { recheck?: Recheck }>(await kit.lease('reviewer', { desk }));
    expect(leased.claim).toMatchObject({ id: reviewed.id, status: 'in_review', verdict: previous });
    expect(leased.recheck).toEqual({ previousVerdictId: previous.id, reason: 'reverify-manual' });
    const inReview = await reverify('admin', reviewed.id);
    expect(inReview.statusCode).toBe(409);
    expect(json<{ message: string }>(inReview).message).toMatch(/is in review already/);

    const verdict = await kit.verdict('reviewer', reviewed.id, {
      token: leased.lease.token,
      attribution: 'confirmed',
      veracity: 'false',
      rationale: 'Wrong altogether, it turns out.',
    });
    expect(verdict.statusCode).toBe(200);
    const detail = json<ClaimBody>(await kit.as('reviewer', 'GET', `/claims/${reviewed.id}`));
    expect(detail.status).toBe('reviewed');
    expect(detail.history!.map((v) => v.veracity)).toEqual(['misleading', 'false']);
    expect(json<{ ok: boolean }>(await kit.as('auditor', 'GET', '/audit/verify')).ok).toBe(true);
  });

  it('answers 404 for an unknown claim and 400 for a malformed id or a query', async () => {
    const unknown = await reverify('editor', randomUUID());
    expect(unknown.statusCode).toBe(404);
    expect(json<object>(unknown)).toMatchObject({ statusCode: 404, error: 'Not Found' });
    const malformed = await reverify('editor', 'x', '/claims/not-a-uuid/reverify');
    expect(malformed.statusCode).toBe(400);
    expect(json<{ message: string }>(malformed).message).toBe('id must be a UUID');
    const queried = await reverify('editor', 'x', `/claims/${randomUUID()}/reverify?now=1`);
    expect(queried.statusCode).toBe(400);
    expect(json<{ message: string }>(queried).message).toMatch(/property now should not exist/);
  });

  it('shows the policy, the schedule and the claims due', async () => {
    const read = async () => json<Status>(await kit.as('auditor', 'GET', '/review/reverification'));
    const before = await read();
    expect(before.policy).toEqual({ misleading: 'P14D', false: 'P30D', unconfirmed: 'P2D' });
    // no worker has registered the sweep: the configured pattern's runs
    expect(before.schedule).toMatchObject({
      cron: '0 3 * * *',
      timezone: 'UTC',
      registered: false,
    });
    expect(before.schedule.nextRuns).toHaveLength(5);
    const runs = before.schedule.nextRuns.map((r) => Date.parse(r));
    expect(runs[0]).toBeGreaterThan(Date.now());
    expect(runs[0]! - Date.now()).toBeLessThanOrEqual(DAY);
    for (const [i, at] of runs.entries()) {
      expect(new Date(at).toISOString()).toMatch(/T03:00:00\.000Z$/);
      if (i > 0) expect(at - runs[i - 1]!).toBe(DAY);
    }

    // one claim's date passes (moved, as the clock would)
    const claim = await judged('Status Desk', {
      attribution: 'confirmed',
      veracity: 'misleading',
      rationale: 'Out of context.',
    });
    await db().query(`UPDATE claims SET reverify_at = now() - interval '1 minute' WHERE id = $1`, [
      claim.id,
    ]);
    const now = await read();
    expect(now.due).toBe(before.due + 1);
    expect(now.upcoming[0]!.claimId).toBe(claim.id);
    const dates = now.upcoming.map((u) => Date.parse(u.reverifyAt));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(now.upcoming.length).toBeLessThanOrEqual(10);

    // a worker registers the sweep with its own pattern: that is what is shown
    const connection = createRedis(TEST_REDIS_URL);
    const sweeps = new Queue(QUEUES.reverify, { connection, prefix: api.config.queuePrefix });
    try {
      await sweeps.upsertJobScheduler(
        REVERIFY_SCHEDULER_ID,
        { pattern: '*/10 * * * *', tz: 'UTC' },
        { name: 'reverify-due', data: {} },
      );
      const scheduler = await sweeps.getJobScheduler(REVERIFY_SCHEDULER_ID);
      const registered = await read();
      expect(registered.schedule).toMatchObject({
        cron: '*/10 * * * *',
        timezone: 'UTC',
        registered: true,
      });
      const next = registered.schedule.nextRuns.map((r) => Date.parse(r));
      expect(next[0]).toBe(scheduler!.next);
      for (let i = 1; i < next.length; i += 1) expect(next[i]! - next[i - 1]!).toBe(600_000);
    } finally {
      await sweeps.close();
      await connection.quit();
    }
  });

  it('is described in the OpenAPI document', async () => {
    type Op = { responses: Record<string, unknown>; 'x-roles'?: string[] };
    const doc = json<{
      paths: Record<string, Record<string, Op>>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    }>(await api.call('reviewer', { method: 'GET', url: '/docs-json' }));
    const manual = doc.paths['/claims/{id}/reverify']!.post!;
    expect(Object.keys(manual.responses)).toEqual(
      expect.arrayContaining(['202', '400', '401', '403', '404', '409', '503']),
    );
    expect(manual['x-roles']?.sort()).toEqual(['admin', 'editor']);
    const status = doc.paths['/review/reverification']!.get!;
    expect(status['x-roles']?.sort()).toEqual(['admin', 'auditor', 'editor', 'reviewer']);
    expect(status.responses['200']).toEqual(
      containing({
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/ReverificationStatusDto' } },
        },
      }),
    );
    expect(Object.keys(doc.components.schemas.ReverificationStatusDto!.properties).sort()).toEqual([
      'due',
      'policy',
      'schedule',
      'upcoming',
    ]);
    expect(Object.keys(doc.components.schemas.LeaseDto!.properties).sort()).toEqual([
      'claim',
      'lease',
      'recheck',
    ]);
  });
});
