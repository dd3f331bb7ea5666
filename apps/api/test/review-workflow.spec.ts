import { randomUUID } from 'node:crypto';
import { startApi, type ApiHarness } from './support/api-harness';
import { anyString, containing } from './support/matchers';
import { json, ReviewKit, type LeaseBody } from './support/review-kit';

interface ClaimBody {
  id: string;
  status: string;
  version: number;
  verdict?: Record<string, unknown>;
  reverifyAt?: string;
}

/**
 * The review workflow through the API on ingested articles, against real Postgres and
 * Redis: leases, heartbeats, releases, verdicts, filters and the desk's numbers. Each test
 * works on articles of an outlet of its own and leases with that desk, so tests do not take
 * each other's claims.
 */
describe('review workflow', () => {
  let api: ApiHarness;
  let kit: ReviewKit;
  const db = () => api.db.dataSource;
  const auditOf = (claimId: string) =>
    db().query<{ action: string; actor: string; before: unknown; after: unknown }[]>(
      `SELECT action, actor, before, after FROM audit_events WHERE entity_type = 'claim' AND entity_id = $1 AND action <> 'claim.created' ORDER BY seq`,
      [claimId],
    );
  const verdictRows = async (claimId: string) =>
    Number(
      (
        await db().query<{ n: string }[]>(
          'SELECT count(*) AS n FROM verdicts WHERE claim_id = $1',
          [claimId],
        )
      )[0]!.n,
    );

  beforeAll(async () => {
    api = await startApi('review-workflow');
    kit = new ReviewKit(api);
  });
  afterAll(async () => {
    await kit?.close();
    await api?.close();
  });

  it('lease → heartbeat → release → lease → verdict, each step recorded and audited', async () => {
    const desk = 'Gulf Wire';
    await kit.ingest(kit.englishArticle(3), { outlet: desk });
    const first = await kit.lease('reviewer', { desk });
    expect(first.statusCode).toBe(200);
    const leased = json<LeaseBody>(first);
    expect(leased.claim).toMatchObject({ status: 'in_review', version: 2 });
    // the most check-worthy claim first (the headline, in the outlet's voice, scores lower)
    expect(leased.claim.checkworthiness).toBeGreaterThan(0.5);
    const expires = Date.parse(leased.lease.expiresAt);
    expect(expires - Date.now()).toBeGreaterThan(590_000);
    const claimId = leased.claim.id;

    const beat = await kit.heartbeat('reviewer', claimId, leased.lease.token);
    expect(beat.statusCode).toBe(200);
    expect(Date.parse(json<{ expiresAt: string }>(beat).expiresAt)).toBeGreaterThanOrEqual(expires);

    expect((await kit.release('reviewer', claimId, leased.lease.token)).statusCode).toBe(204);
    const waiting = json<ClaimBody>(await kit.as('reviewer', 'GET', `/claims/${claimId}`));
    expect(waiting).toMatchObject({ status: 'queued', version: 3 });
    // a released token is worth nothing
    expect((await kit.heartbeat('reviewer', claimId, leased.lease.token)).statusCode).toBe(409);

    // released, it is first in line again (its priority, ahead of its equals)
    const again = json<LeaseBody>(await kit.lease('editor', { desk }));
    expect(again.claim.id).toBe(claimId);
    expect(again.lease.token).not.toBe(leased.lease.token);

    const verdict = await kit.verdict('editor', claimId, {
      token: again.lease.token,
      attribution: 'misattributed',
      veracity: 'misleading',
      rationale: 'The ministry said it, not the minister; the figure is for a month.',
      evidence: [{ url: 'https://example.org/statement', note: 'the ministry statement' }],
      reverifyAt: '2031-01-01T00:00:00Z',
    });
    expect(verdict.statusCode).toBe(200);
    const reviewed = json<ClaimBody>(verdict);
    expect(reviewed).toMatchObject({
      id: claimId,
      status: 'reviewed',
      version: 5,
      reverifyAt: '2031-01-01T00:00:00.000Z',
      verdict: {
        id: anyString,
        claimId,
        reviewerId: api.keyIds.editor,
        attribution: 'misattributed',
        veracity: 'misleading',
        rationale: 'The ministry said it, not the minister; the figure is for a month.',
        evidence: [{ url: 'https://example.org/statement', note: 'the ministry statement' }],
        reverifyAt: '2031-01-01T00:00:00.000Z',
        createdAt: anyString,
      },
    });
    expect(await verdictRows(claimId)).toBe(1);
    // the lease ended with the verdict: its token does nothing more, and writes nothing
    const twice = await kit.verdict('editor', claimId, {
      token: again.lease.token,
      attribution: 'confirmed',
      veracity: 'true',
    });
    expect(twice.statusCode).toBe(409);
    expect(await verdictRows(claimId)).toBe(1);
    expect((await kit.release('editor', claimId, again.lease.token)).statusCode).toBe(409);

    expect(await auditOf(claimId)).toEqual([
      containing({ action: 'claim.leased', actor: `key:${api.keyIds.reviewer}` }),
      containing({ action: 'claim.released', actor: `key:${api.keyIds.reviewer}` }),
      containing({ action: 'claim.leased', actor: `key:${api.keyIds.editor}` }),
      containing({
        action: 'claim.reviewed',
        after: containing({
          status: 'reviewed',
          version: 5,
          verdict: containing({ veracity: 'misleading' }),
        }),
      }),
    ]);
    const chain = json<{ ok: boolean }>(await kit.as('auditor', 'GET', '/audit/verify'));
    expect(chain.ok).toBe(true);
  });

  it('refuses invalid verdicts with 400 naming the field, and writes nothing', async () => {
    const desk = 'Validation Times';
    await kit.ingest(kit.englishArticle(1), { outlet: desk });
    const { claim, lease } = json<LeaseBody>(await kit.lease('reviewer', { desk }));
    const base = {
      token: lease.token,
      attribution: 'confirmed',
      veracity: 'false',
      rationale: 'r',
    };
    const cases: [object, RegExp][] = [
      [{ ...base, attribution: undefined }, /attribution must be one of/],
      [{ ...base, veracity: 'fake' }, /veracity must be one of/],
      [{ ...base, rationale: undefined }, /rationale is required unless/],
      [{ ...base, rationale: '   ' }, /rationale must not be empty/],
      [
        { ...base, rationale: 'x'.repeat(10_001) },
        /rationale must be shorter than or equal to 10000/,
      ],
      [
        { ...base, evidence: [{ url: 'ftp://example.org/x' }] },
        /evidence\.0\.url must be an http or https URL/,
      ],
      [{ ...base, evidence: ['https://example.org'] }, /each value in evidence must be an object/],
      [
        { ...base, evidence: [{ url: 'https://example.org', extra: 1 }] },
        /evidence\.0\.property extra should not exist/,
      ],
      [
        { ...base, evidence: Array(21).fill({ url: 'https://example.org' }) },
        /evidence must contain no more than 20/,
      ],
      [{ ...base, reverifyAt: 'next week' }, /reverifyAt must be an ISO 8601 date-time/],
      [{ ...base, reverifyAt: '2001-01-01T00:00:00Z' }, /reverifyAt must be in the future/],
      [{ ...base, token: 'abc' }, /token must be a lease token/],
      [{ ...base, verdict: 'true' }, /property verdict should not exist/],
    ];
    for (const [body, message] of cases) {
      const res = await kit.verdict('reviewer', claim.id, body);
      expect(`${res.statusCode} ${json<{ message: string }>(res).message}`).toMatch(
        new RegExp(`^400 .*${message.source}`),
      );
    }
    expect((await kit.verdict('reviewer', 'not-a-uuid', base)).statusCode).toBe(400);
    expect(await verdictRows(claim.id)).toBe(0);
    // confirmed and true needs no rationale; the lease survived all of the above
    const ok = await kit.verdict('reviewer', claim.id, {
      token: lease.token,
      attribution: 'confirmed',
      veracity: 'true',
    });
    expect(ok.statusCode).toBe(200);
    expect(json<ClaimBody>(ok).verdict).toMatchObject({ rationale: null, evidence: [] });
  });

  it('answers 409 for a token that is not the lease, and 404 for a claim that does not exist', async () => {
    const desk = 'Wrong Token Post';
    await kit.ingest(kit.englishArticle(1), { outlet: desk });
    const { claim, lease } = json<LeaseBody>(await kit.lease('reviewer', { desk }));
    const stranger = randomUUID();
    expect((await kit.heartbeat('reviewer', claim.id, stranger)).statusCode).toBe(409);
    expect((await kit.release('reviewer', claim.id, stranger)).statusCode).toBe(409);
    const res = await kit.verdict('reviewer', claim.id, {
      token: stranger,
      attribution: 'confirmed',
      veracity: 'true',
    });
    expect(res.statusCode).toBe(409);
    expect(json<{ error: string }>(res).error).toBe('Conflict');
    expect(await verdictRows(claim.id)).toBe(0);
    expect((await kit.heartbeat('reviewer', claim.id, lease.token)).statusCode).toBe(200);
    expect((await kit.heartbeat('reviewer', randomUUID(), lease.token)).statusCode).toBe(404);
    expect((await kit.release('reviewer', claim.id, lease.token)).statusCode).toBe(204);
  });

  it('leases by language and by desk, and answers 204 when nothing matches', async () => {
    const arabic =
      'عنوان\nقال وزير الخارجية يوم الاثنين إن المحادثات ستستأنف الأسبوع المقبل في بغداد.';
    const arIds = await kit.ingest(arabic, { outlet: 'بغداد اليوم', language: 'ar' });
    const enIds = await kit.ingest(kit.englishArticle(2), { outlet: '  the   NATIONAL ' });
    const ar = json<LeaseBody>(await kit.lease('reviewer', { language: 'ar' }));
    expect(ar.claim.language).toBe('ar');
    expect(arIds).toContain(ar.claim.id);
    // a desk is the outlet, whatever its case and spacing
    const national = json<LeaseBody>(await kit.lease('reviewer', { desk: 'The National' }));
    expect(enIds).toContain(national.claim.id);
    const both = json<LeaseBody>(
      await kit.lease('reviewer', { desk: 'the national', language: 'en' }),
    );
    expect(enIds).toContain(both.claim.id);
    expect((await kit.lease('reviewer', { desk: 'The National', language: 'ar' })).statusCode).toBe(
      204,
    );
    expect((await kit.lease('reviewer', { desk: 'No Such Outlet' })).statusCode).toBe(204);
    for (const [body, message] of [
      [{ language: 'fr' }, /language must be one of/],
      [{ desk: '' }, /desk must be longer than or equal to 1/],
      [{ desk: 'x'.repeat(301) }, /desk must be shorter than or equal to 300/],
      [{ team: 'a' }, /property team should not exist/],
    ] as const) {
      const res = await kit.lease('reviewer', body);
      expect(`${res.statusCode} ${json<{ message: string }>(res).message}`).toMatch(
        new RegExp(`^400 .*${message.source}`),
      );
    }
  });

  it('shows the desk its numbers', async () => {
    const res = await kit.as('auditor', 'GET', '/review/stats');
    expect(res.statusCode).toBe(200);
    const stats = json<{
      waiting: number;
      leased: number;
      reviewed: number;
      byLanguage: Record<string, { waiting: number; leased: number; reviewed: number }>;
      oldestWaitingSeconds: number;
    }>(res);
    const counted = await db().query<{ language: string; status: string; n: number }[]>(
      'SELECT language, status, count(*)::int AS n FROM claims GROUP BY 1, 2',
    );
    const sum = (status: string, language?: string) =>
      counted
        .filter((r) => r.status === status && (!language || r.language === language))
        .reduce((t, r) => t + r.n, 0);
    expect(stats).toEqual({
      waiting: sum('queued'),
      leased: sum('in_review'),
      reviewed: sum('reviewed'),
      byLanguage: {
        ar: {
          waiting: sum('queued', 'ar'),
          leased: sum('in_review', 'ar'),
          reviewed: sum('reviewed', 'ar'),
        },
        en: {
          waiting: sum('queued', 'en'),
          leased: sum('in_review', 'en'),
          reviewed: sum('reviewed', 'en'),
        },
      },
      oldestWaitingSeconds: expect.any(Number) as unknown,
    });
    expect(stats.reviewed).toBeGreaterThanOrEqual(2);
    expect(stats.leased).toBeGreaterThanOrEqual(3);
    expect(stats.oldestWaitingSeconds).toBeGreaterThanOrEqual(0);
    expect((await kit.as('auditor', 'GET', '/review/stats?x=1')).statusCode).toBe(400);
  });

  it('keeps verdicts append-only in Postgres itself', async () => {
    await expect(db().query(`UPDATE verdicts SET rationale = 'rewritten'`)).rejects.toThrow(
      /verdicts is append-only: UPDATE refused/,
    );
    await expect(db().query('DELETE FROM verdicts')).rejects.toThrow(/append-only: DELETE refused/);
    await expect(db().query('TRUNCATE verdicts CASCADE')).rejects.toThrow(
      /append-only: TRUNCATE refused/,
    );
  });
});
