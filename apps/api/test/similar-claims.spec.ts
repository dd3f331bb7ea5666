import { ClaimReadCache, SIMILARITY_THRESHOLD } from '@claimtrail/ingest';
import { startApi, type ApiHarness } from './support/api-harness';
import { anyNumber } from './support/matchers';
import { json, ReviewKit, type LeaseBody } from './support/review-kit';

interface Verdict {
  id: string;
  claimId: string;
  attribution: string;
  veracity: string;
  rationale: string | null;
}
interface Similar {
  id: string;
  text: string;
  similarity: number;
  verdict?: Verdict;
}
interface ClaimDetail {
  id: string;
  articleId: string;
  text: string;
  start: number;
  end: number;
  version: number;
  similar: Similar[];
}

const RAFAH = 'the Rafah border crossing would reopen to aid convoys within three days';
const RAFAH_AGAIN = 'the Rafah border-crossing would REOPEN to aid convoys within 3 days';
const EARLIER = `Crossing to reopen\nThe Interior Ministry said on Monday that ${RAFAH}.\n`;
const LATER = `Aid route\nA senior diplomat said ${RAFAH_AGAIN}.\n`;
const RAFAH_AR = 'المعبرَ الحدوديَّ سيُعادُ فتحُه أمام قوافل الإغاثة خلال ثلاثةِ أيّامٍ';
const RAFAH_AR_PLAIN = 'المعبر الحدودي سيعاد فتحه امام قوافل الاغاثة خلال ثلاثة ايام';

const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/**
 * GET /claims/:id lists the claims of other articles whose text is close, with their current
 * verdicts, so a reviewer sees that a claim was checked already; the read cache keeps the
 * answer only until one of the claims it shows changes (a verdict, a new span).
 */
describe('similar claims through the API', () => {
  let api: ApiHarness;
  let kit: ReviewKit;
  let earlier: string;
  let later: string;

  const claim = async (id: string) =>
    json<ClaimDetail>(await kit.as('reviewer', 'GET', `/claims/${id}`));
  /** The claim of the last ingested article whose text is `text`. */
  const claimWithText = async (ids: string[], text: string) => {
    const [row] = await api.db.dataSource.query<{ id: string }[]>(
      'SELECT id FROM claims WHERE id = ANY($1::uuid[]) AND text = $2',
      [ids, text],
    );
    return row!.id;
  };

  beforeAll(async () => {
    // a cache that keeps answers far beyond the test: only the announcements refresh it
    api = await startApi('similar-claims', { claimCacheMaxAgeMs: 600_000 });
    kit = new ReviewKit(api);
    const cache = api.app.get(ClaimReadCache);
    await until('the cache to listen', () => Promise.resolve(cache.serving));
    earlier = await claimWithText(await kit.ingest(EARLIER, { outlet: 'Gulf Wire' }), RAFAH);
  });
  afterAll(async () => {
    await kit?.close();
    await api?.close();
  });

  it('lists a later lookalike under a claim whose answer was kept before it arrived', async () => {
    expect((await claim(earlier)).similar).toEqual([]);
    later = await claimWithText(await kit.ingest(LATER, { outlet: 'Levant Daily' }), RAFAH_AGAIN);
    // the extraction announces the earlier claim as changed: its kept answer is dropped
    await until('the later claim under the earlier', async () =>
      (await claim(earlier)).similar.some((s) => s.id === later),
    );
    const [shown] = (await claim(earlier)).similar;
    expect(shown).toEqual({ id: later, text: RAFAH_AGAIN, similarity: anyNumber });
    expect(shown!.similarity).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
    expect(shown!.similarity).toBeLessThan(1);
    expect((await claim(later)).similar).toEqual([
      { id: earlier, text: RAFAH, similarity: shown!.similarity },
    ]);
  });

  it('shows the verdict on a similar claim in an answer kept before the verdict', async () => {
    // kept now, without a verdict to show
    expect((await claim(later)).similar[0]).not.toHaveProperty('verdict');
    const assigned = await api.call('editor', {
      method: 'POST',
      url: `/claims/${earlier}/assign`,
      payload: { apiKeyId: api.keyIds.reviewer },
    });
    expect(assigned.statusCode).toBe(200);
    const leased = json<LeaseBody>(await kit.lease('reviewer'));
    expect(leased.claim.id).toBe(earlier);
    const reviewed = await kit.verdict('reviewer', earlier, {
      token: leased.lease.token,
      attribution: 'confirmed',
      veracity: 'false',
      rationale: 'The crossing stayed shut all week.',
    });
    expect(reviewed.statusCode).toBe(200);
    const verdict = json<{ verdict: Verdict }>(reviewed).verdict;
    await until('the verdict under the later claim', async () =>
      Boolean((await claim(later)).similar[0]?.verdict),
    );
    expect((await claim(later)).similar).toEqual([
      { id: earlier, text: RAFAH, similarity: anyNumber, verdict },
    ]);
    expect(verdict).toMatchObject({
      claimId: earlier,
      attribution: 'confirmed',
      veracity: 'false',
      rationale: 'The crossing stayed shut all week.',
    });
  });

  it('links claims again when an editor moves a span', async () => {
    const before = await claim(later);
    // the span moves onto the speaker: nothing like it anywhere
    const moved = await api.call('editor', {
      method: 'PATCH',
      url: `/claims/${later}`,
      payload: { version: before.version, start: 10, end: 32 },
    });
    expect(moved.statusCode).toBe(200);
    expect(json<{ text: string }>(moved).text).toBe('A senior diplomat said');
    await until('the earlier claim to lose its lookalike', async () =>
      (await claim(earlier)).similar.every((s) => s.id !== later),
    );
    expect((await claim(later)).similar).toEqual([]);

    // and back onto the claim: linked again, the verdict with it
    const back = await api.call('editor', {
      method: 'PATCH',
      url: `/claims/${later}`,
      payload: { version: before.version + 1, start: before.start, end: before.end },
    });
    expect(back.statusCode).toBe(200);
    await until('the lookalikes again', async () =>
      (await claim(earlier)).similar.some((s) => s.id === later),
    );
    const [again] = (await claim(later)).similar;
    expect(again).toMatchObject({ id: earlier, verdict: { veracity: 'false' } });
    expect(
      await api.db.dataSource.query('SELECT count(*)::int AS n FROM claim_similarities'),
    ).toEqual([{ n: 1 }]);
  });

  it('finds Arabic lookalikes whatever their diacritics and letter forms', async () => {
    const article = (headline: string, crossing: string) =>
      `${headline}\nقال وزير الداخلية أحمد الراشد يوم الاثنين إن ${crossing}.\n`;
    const first = await claimWithText(
      await kit.ingest(article('وزارة الداخلية: المعبر سيفتح', RAFAH_AR), { outlet: 'وكالة' }),
      RAFAH_AR,
    );
    const second = await claimWithText(
      await kit.ingest(article('قوافل الإغاثة', RAFAH_AR_PLAIN), { outlet: 'الشرق اليوم' }),
      RAFAH_AR_PLAIN,
    );
    expect((await claim(second)).similar).toEqual([{ id: first, text: RAFAH_AR, similarity: 1 }]);
  });

  it('documents the similar claims as the contract has them', async () => {
    const doc = json<{
      components: {
        schemas: Record<
          string,
          { required?: string[]; properties: Record<string, { $ref?: string; allOf?: unknown }> }
        >;
      };
    }>(await api.call('reviewer', { method: 'GET', url: '/docs-json' }));
    const similar = doc.components.schemas.SimilarClaimDto!;
    expect(similar.required?.sort()).toEqual(['id', 'similarity', 'text']);
    expect(Object.keys(similar.properties).sort()).toEqual(['id', 'similarity', 'text', 'verdict']);
    expect(JSON.stringify(similar.properties.verdict)).toContain('#/components/schemas/VerdictDto');
  });
});
