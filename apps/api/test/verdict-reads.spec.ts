import { ClaimReadCache } from '@claimtrail/ingest';
import { notifyClaimsChanged } from '@claimtrail/persistence';
import { startApi, type ApiHarness } from './support/api-harness';
import { json, ReviewKit, type LeaseBody } from './support/review-kit';

interface Verdict {
  id: string;
  claimId: string;
  reviewerId: string;
  attribution: string;
  veracity: string;
  rationale: string | null;
  reverifyAt: string | null;
}
interface ClaimBody {
  id: string;
  status: string;
  verdict?: Verdict;
  reverifyAt?: string;
  history?: Verdict[];
}
interface SourceBody {
  id: string;
  name: string;
  trackRecord: {
    claims: number;
    reviewed: number;
    byVeracity: Record<string, number>;
    byAttribution: Record<string, number>;
  };
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/**
 * The read side of the review workflow on ingested articles: claims show their current
 * verdict and history and can be filtered by it; sources show track records from the
 * current verdicts of their claims, sort by them, and merged sources lead to the survivor.
 */
describe('verdict reads', () => {
  let api: ApiHarness;
  let kit: ReviewKit;
  let days = 0;

  const db = () => api.db.dataSource;
  const get = <T>(url: string) => kit.as('reviewer', 'GET', url).then((r) => json<T>(r));
  /** A verdict written as the review workflow writes one, and announced (as it is) on commit. */
  const rate = (claimId: string, attribution: string, veracity: string) =>
    db().transaction(async (tx) => {
      const [v] = await tx.query<{ id: string }[]>(
        `INSERT INTO verdicts (claim_id, reviewer_id, attribution, veracity, rationale, evidence)
         VALUES ($1, $2, $3, $4, 'checked', '[]') RETURNING id`,
        [claimId, api.keyIds.editor, attribution, veracity],
      );
      await tx.query(
        `UPDATE claims SET status = 'reviewed', current_verdict_id = $2, version = version + 1 WHERE id = $1`,
        [claimId, v!.id],
      );
      await notifyClaimsChanged(tx, [claimId]);
    });
  /** An article in which each speaker makes one claim; returns its id and the claims in order. */
  const article = async (...speakers: string[]) => {
    const lines = speakers.map((s) => {
      days += 1;
      return `Spokesman ${s} said on day ${days} that ${days} aid trucks reached the depot.`;
    });
    await kit.ingest(`Border report ${days}\n${lines.join('\n')}`);
    const claims = await Promise.all(
      lines.map(async (line) => {
        const [row] = await db().query<{ id: string; article_id: string }[]>(
          'SELECT id, article_id FROM claims WHERE text = $1',
          [line.slice(line.indexOf(' that ') + 6, -1)],
        );
        return row!;
      }),
    );
    return { articleId: claims[0]!.article_id, claims: claims.map((c) => c.id) };
  };
  const sourceNamed = async (name: string) =>
    (await db().query<{ id: string }[]>('SELECT id FROM sources WHERE name = $1', [name]))[0]!.id;

  beforeAll(async () => {
    // a cache that keeps answers far beyond the test: only the announcements refresh it
    api = await startApi('verdict-reads', { claimCacheMaxAgeMs: 600_000 });
    kit = new ReviewKit(api);
    const cache = api.app.get(ClaimReadCache);
    await until('the cache to listen', () => Promise.resolve(cache.serving));
  });
  afterAll(async () => {
    await kit?.close();
    await api?.close();
  });

  it('shows a reviewed claim with its current verdict and its history, oldest first', async () => {
    const desk = 'Verdict Reads Wire';
    await kit.ingest(kit.oneClaimArticle(), { outlet: desk });
    const { claim, lease } = json<LeaseBody>(await kit.lease('reviewer', { desk }));
    const before = await get<ClaimBody>(`/claims/${claim.id}`);
    expect(before.verdict).toBeUndefined();
    expect(before).not.toHaveProperty('reverifyAt');
    expect(before.history).toEqual([]);

    const reverifyAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const given = await kit.verdict('reviewer', claim.id, {
      token: lease.token,
      attribution: 'misattributed',
      veracity: 'misleading',
      rationale: 'The ministry said it, not the minister.',
      reverifyAt,
    });
    expect(given.statusCode).toBe(200);
    const first = json<ClaimBody>(given).verdict!;

    // the verdict's announcement reaches the read cache just after its commit
    let reviewed: ClaimBody | undefined;
    await until('the verdict to show', async () => {
      reviewed = await get<ClaimBody>(`/claims/${claim.id}`);
      return reviewed.verdict !== undefined;
    });
    expect(reviewed).toMatchObject({ status: 'reviewed', reverifyAt, verdict: first });
    expect(first).toMatchObject({
      claimId: claim.id,
      reviewerId: api.keyIds.reviewer,
      attribution: 'misattributed',
      veracity: 'misleading',
    });
    expect(reviewed!.history).toEqual([first]);
    const listed = await get<Page<ClaimBody>>(`/claims?status=reviewed&veracity=misleading`);
    expect(listed.items.map((c) => c.id)).toEqual([claim.id]);
    expect(listed.items[0]).toMatchObject({ reverifyAt, verdict: first });

    // a later verdict becomes the current one; the first stays in the history
    await rate(claim.id, 'confirmed', 'true');
    await until('the new verdict to show', async () => {
      const now = await get<ClaimBody>(`/claims/${claim.id}`);
      return now.verdict?.veracity === 'true';
    });
    const again = await get<ClaimBody>(`/claims/${claim.id}`);
    expect(again.history!.map((v) => [v.attribution, v.veracity])).toEqual([
      ['misattributed', 'misleading'],
      ['confirmed', 'true'],
    ]);
    expect(again.history![1]).toEqual(again.verdict);
  });

  it('filters claims by the veracity and the attribution of their current verdict', async () => {
    const { articleId, claims } = await article('Sami Farah', 'Dina Nasser', 'Rami Rook');
    const [a, b, c] = claims as [string, string, string];
    await rate(a, 'confirmed', 'false');
    await rate(b, 'misattributed', 'false');
    await rate(c, 'misattributed', 'true');
    await rate(c, 'confirmed', 'true'); // the current verdict counts, not the history
    const ids = async (filter: string) => {
      let page: Page<ClaimBody> | undefined;
      await until(`claims?${filter}`, async () => {
        const r = await kit.as('reviewer', 'GET', `/claims?articleId=${articleId}&${filter}`);
        page = json<Page<ClaimBody>>(r);
        return r.statusCode === 200 && page.items.every((i) => i.verdict);
      });
      return page!.items.map((i) => i.id).sort();
    };
    expect(await ids('veracity=false')).toEqual([a, b].sort());
    expect(await ids('attribution=misattributed')).toEqual([b]);
    expect(await ids('attribution=confirmed&veracity=true')).toEqual([c]);
    expect(await ids('veracity=unverifiable')).toEqual([]);

    for (const [field, value] of [
      ['veracity', 'wrong'],
      ['attribution', 'TRUE'],
    ]) {
      const r = await kit.as('reviewer', 'GET', `/claims?${field}=${value}`);
      expect(r.statusCode).toBe(400);
      expect(json<{ message: string }>(r).message).toContain(field!);
    }
  });

  it('counts track records on both axes from current verdicts, and sorts sources by them', async () => {
    const omar = 'Omar Haddad';
    const lena = 'Lena Marsh';
    const {
      claims: [o1, l1, o2, l2, o3],
    } = await article(omar, lena, omar, lena, omar);
    await rate(o1!, 'confirmed', 'false');
    await rate(o2!, 'misattributed', 'false');
    await rate(o2!, 'misattributed', 'misleading'); // replaces the first rating of o2
    await rate(l1!, 'confirmed', 'true');
    await rate(l2!, 'confirmed', 'false');
    void o3; // never reviewed
    const [omarId, lenaId] = [await sourceNamed(omar), await sourceNamed(lena)];

    const record = (await get<SourceBody>(`/sources/${omarId}`)).trackRecord;
    expect(record).toEqual({
      claims: 3,
      reviewed: 2,
      byVeracity: { true: 0, mostly_true: 0, misleading: 1, false: 1, unverifiable: 0 },
      byAttribution: { confirmed: 1, misattributed: 1, unconfirmed: 0 },
    });
    expect((await get<SourceBody>(`/sources/${lenaId}`)).trackRecord).toMatchObject({
      claims: 2,
      reviewed: 2,
      byVeracity: { true: 1, false: 1 },
      byAttribution: { confirmed: 2, misattributed: 0 },
    });

    const order = async (sort: string, limit = 200) => {
      const seen: SourceBody[] = [];
      let next: string | null = null;
      do {
        const r = await kit.as(
          'reviewer',
          'GET',
          `/sources?sort=${sort}&limit=${limit}${next ? `&cursor=${next}` : ''}`,
        );
        expect(r.statusCode).toBe(200);
        const page = json<Page<SourceBody>>(r);
        seen.push(...page.items);
        next = page.nextCursor;
      } while (next);
      return seen;
    };
    const names = (list: SourceBody[]) => list.map((s) => s.name);
    expect(names(await order('claims')).slice(0, 2)).toEqual([omar, lena]);
    expect(names(await order('attribution:confirmed'))[0]).toBe(lena);
    expect(names(await order('veracity:misleading'))[0]).toBe(omar);

    // page by page, one at a time: the same order, every source once
    for (const sort of ['reviewed', 'veracity:false', 'attribution:misattributed']) {
      const whole = await order(sort);
      const paged = await order(sort, 1);
      expect(paged.map((s) => s.id)).toEqual(whole.map((s) => s.id));
      const key = sort.includes(':') ? sort.split(':') : [sort];
      const count = (s: SourceBody) =>
        key.length === 1
          ? (s.trackRecord as unknown as Record<string, number>)[key[0]!]!
          : key[0] === 'veracity'
            ? s.trackRecord.byVeracity[key[1]!]!
            : s.trackRecord.byAttribution[key[1]!]!;
      const counts = whole.map(count);
      expect(counts).toEqual([...counts].sort((x, y) => y - x));
    }
  });

  it('refuses an unknown sort, and a cursor made for another sort', async () => {
    const bad = await kit.as('reviewer', 'GET', '/sources?sort=veracity:bogus');
    expect(bad.statusCode).toBe(400);
    expect(json<{ message: string }>(bad).message).toContain('sort');

    const cursorOf = async (query: string) =>
      get<Page<SourceBody>>(`/sources?limit=1${query}`).then((p) => p.nextCursor!);
    const plain = await cursorOf('');
    const byClaims = await cursorOf('&sort=claims');
    expect(plain).toEqual(expect.any(String));
    expect(byClaims).toEqual(expect.any(String));
    for (const url of [
      `/sources?sort=claims&cursor=${plain}`,
      `/sources?sort=reviewed&cursor=${byClaims}`,
      `/sources?cursor=${byClaims}`,
    ]) {
      const r = await kit.as('reviewer', 'GET', url);
      expect(r.statusCode).toBe(400);
      expect(json<{ message: string }>(r).message).toContain('cursor');
    }
  });

  it('hides merged sources from the list; their old id answers the survivor', async () => {
    const karim = 'Karim Calder';
    const nadia = 'Nadia Khoury';
    await article(karim, nadia);
    const [karimId, nadiaId] = [await sourceNamed(karim), await sourceNamed(nadia)];
    const merged = await kit.as('editor', 'POST', `/sources/${nadiaId}/merge`, { intoId: karimId });
    expect(merged.statusCode).toBe(200);

    const listed = await order200();
    expect(listed).toContain(karimId);
    expect(listed).not.toContain(nadiaId);
    // found by the retired name, now the survivor's alias: the survivor answers
    const byName = await get<Page<SourceBody>>(`/sources?q=${encodeURIComponent(nadia)}`);
    expect(byName.items.map((s) => s.id)).toEqual([karimId]);

    const old = await kit.as('reviewer', 'GET', `/sources/${nadiaId}`);
    expect(old.statusCode).toBe(200);
    expect(json<SourceBody>(old)).toMatchObject({
      id: karimId,
      name: karim,
      trackRecord: { claims: 2 },
    });
    expect(json<SourceBody>(old)).toEqual(await get<SourceBody>(`/sources/${karimId}`));

    async function order200() {
      const ids: string[] = [];
      let next: string | null = null;
      do {
        const page: Page<SourceBody> = await get<Page<SourceBody>>(
          `/sources?limit=200${next ? `&cursor=${next}` : ''}`,
        );
        ids.push(...page.items.map((s) => s.id));
        next = page.nextCursor;
      } while (next);
      return ids;
    }
  });
});
