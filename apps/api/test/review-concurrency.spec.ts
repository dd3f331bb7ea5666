import { ApiKeyService } from '@claimtrail/ingest';
import { startApi, type ApiHarness } from './support/api-harness';
import { json, ReviewKit, type LeaseBody } from './support/review-kit';

const CLAIMS = 1_000;
const REVIEWERS = 50;
/** Where the claims come from: both languages, several desks and none. */
const ARTICLES = [
  { language: 'en', outlet: 'The National' },
  { language: 'en', outlet: null },
  { language: 'ar', outlet: 'الشرق الأوسط' },
  { language: 'ar', outlet: 'Reuters' },
] as const;

/**
 * The race the lease exists for: 50 reviewers leasing and judging at once from 1,000 waiting
 * claims, some asking for a language or a desk. No claim may be leased to two reviewers at
 * once, and every claim must end with exactly one verdict.
 */
describe('50 reviewers at once', () => {
  let api: ApiHarness;
  let kit: ReviewKit;
  const reviewers: string[] = [];

  beforeAll(async () => {
    api = await startApi('review-concurrency');
    kit = new ReviewKit(api);
    const db = api.db.dataSource;
    const claims: { id: string; articleId: string; checkworthiness: number }[] = [];
    for (const [i, { language, outlet }] of ARTICLES.entries()) {
      const [article] = await db.query<{ id: string }[]>(
        `INSERT INTO articles (content_hash, text, outlet, language, status) VALUES ($1, 'text', $2, $3, 'extracted') RETURNING id`,
        [`concurrency-${i}`, outlet, language],
      );
      const rows = await db.query<{ id: string; checkworthiness: number }[]>(
        `INSERT INTO claims (article_id, ordinal, text, start_offset, end_offset, sentence, type, checkworthiness, language)
         SELECT $1, n, 'claim ' || n, 0, 4, n, 'indirect', (n % 97) / 97.0, $2 FROM generate_series(0, $3 - 1) AS n
         RETURNING id, checkworthiness`,
        [article!.id, language, CLAIMS / ARTICLES.length],
      );
      claims.push(...rows.map((r) => ({ ...r, articleId: article!.id })));
    }
    await kit.gateway.enqueueReview(claims);
    const keys = api.app.get(ApiKeyService);
    for (let i = 0; i < REVIEWERS; i += 1)
      reviewers.push((await keys.create(`reviewer ${i}`, 'reviewer', 'system:test')).secret);
  });
  afterAll(async () => {
    await kit?.close();
    await api?.close();
  });

  it('never leases a claim twice and reviews every claim exactly once', async () => {
    const holder = new Map<string, number>();
    const doubleLeases: string[] = [];
    const filters = [{}, { language: 'ar' }, { language: 'en' }, { desk: 'the national' }, {}];
    const work = async (reviewer: number) => {
      let verdicts = 0;
      // a reviewer with a filter turns to everything once their part is done
      for (const filter of [filters[reviewer % filters.length]!, {}]) {
        for (;;) {
          const res = await kit.lease(reviewers[reviewer]!, filter);
          if (res.statusCode === 204) break;
          expect(res.statusCode).toBe(200);
          const { claim, lease } = json<LeaseBody>(res);
          if (holder.has(claim.id)) doubleLeases.push(claim.id);
          holder.set(claim.id, reviewer);
          const done = await kit.verdict(reviewers[reviewer]!, claim.id, {
            token: lease.token,
            attribution: 'confirmed',
            veracity: 'false',
            rationale: `checked by reviewer ${reviewer}`,
          });
          expect(done.statusCode).toBe(200);
          holder.delete(claim.id);
          verdicts += 1;
        }
      }
      return verdicts;
    };
    const done = await Promise.all(reviewers.map((_, i) => work(i)));
    expect(doubleLeases).toEqual([]);
    expect(done.reduce((a, b) => a + b, 0)).toBe(CLAIMS);

    const db = api.db.dataSource;
    const [counts] = await db.query<{ verdicts: number; claims: number; reviewed: number }[]>(
      `SELECT (SELECT count(*)::int FROM verdicts) AS verdicts,
              (SELECT count(DISTINCT claim_id)::int FROM verdicts) AS claims,
              (SELECT count(*)::int FROM claims WHERE status = 'reviewed') AS reviewed`,
    );
    expect(counts).toEqual({ verdicts: CLAIMS, claims: CLAIMS, reviewed: CLAIMS });
    // one lease per claim, in the audit log too: none was handed out twice
    const [leases] = await db.query<{ events: number; claims: number }[]>(
      `SELECT count(*)::int AS events, count(DISTINCT entity_id)::int AS claims
       FROM audit_events WHERE action = 'claim.leased'`,
    );
    expect(leases).toEqual({ events: CLAIMS, claims: CLAIMS });
    const stats = json<{ waiting: number; leased: number; reviewed: number }>(
      await kit.as('reviewer', 'GET', '/review/stats'),
    );
    expect(stats).toMatchObject({ waiting: 0, leased: 0, reviewed: CLAIMS });
  }, 180_000);
});
