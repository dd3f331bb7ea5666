import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditLog } from '@claimtrail/audit';
import { ExtractionService, QueueGateway } from '@claimtrail/ingest';
import { startApi, type ApiHarness } from './support/api-harness';
import { anyNumber, anyString } from './support/matchers';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

interface SourceRef {
  id: string;
  name: string;
  mention: string;
}
interface Claim {
  id: string;
  articleId: string;
  ordinal: number;
  text: string;
  sources: SourceRef[];
  via: SourceRef[];
  status: string;
  history?: unknown[];
  similar?: unknown[];
}

/**
 * Articles go in over HTTP and come out as claims: the API stores and queues, the
 * extraction (the worker's job, run here directly) stores claims and registry sources, and
 * every claim is put on the review queue the way the worker does.
 */
describe('ingest through the API', () => {
  let api: ApiHarness;
  let queues: QueueGateway;
  const ids: Record<'ar' | 'en', string> = { ar: '', en: '' };

  const extract = async (articleId: string) => {
    const outcome = await new ExtractionService(api.db.dataSource, new AuditLog()).extractArticle(
      articleId,
    );
    if (outcome.kind !== 'extracted') throw new Error(`extraction: ${outcome.kind}`);
    await queues.enqueueReview(outcome.claims);
    return outcome.claims;
  };
  const json = <T>(r: { body: string }) => JSON.parse(r.body) as T;

  beforeAll(async () => {
    api = await startApi('api-ingest');
    queues = api.app.get(QueueGateway);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('accepts articles with 202, stores them and puts one extraction job per article on the queue', async () => {
    for (const [lang, file] of [
      ['ar', 'ar-base-attack.txt'],
      ['en', 'en-base-attack.txt'],
    ] as const) {
      const res = await api.call('editor', {
        method: 'POST',
        url: '/articles',
        payload: {
          text: fixture(file),
          outlet: lang === 'ar' ? 'بغداد اليوم' : 'Gulf Wire',
          url: `https://example.com/${lang}/habbaniyah`,
          publishedAt: '2026-08-07T09:30:00Z',
        },
      });
      expect(res.statusCode).toBe(202);
      const body = json<{ id: string; status: string }>(res);
      expect(body).toEqual({ id: anyString, status: 'queued' });
      ids[lang] = body.id;
      const job = await queues.extract.getJob(`extract-${body.id}`);
      expect(job?.name).toBe('extract-article');
      expect(job?.data).toEqual({ articleId: body.id });
    }
    const rows = await api.db.dataSource.query<{ id: string; status: string; outlet: string }[]>(
      'SELECT id, status, outlet FROM articles ORDER BY created_at',
    );
    expect(rows.map((r) => r.id)).toEqual([ids.ar, ids.en]);
    expect(rows.every((r) => r.status === 'queued')).toBe(true);
  });

  it('answers 200 with the existing article for the same text and outlet, 202 for another outlet', async () => {
    const again = await api.call('admin', {
      method: 'POST',
      url: '/articles',
      payload: { text: fixture('en-base-attack.txt'), outlet: 'Gulf Wire' },
    });
    expect(again.statusCode).toBe(200);
    expect(json(again)).toEqual({ id: ids.en, status: 'queued' });
    const elsewhere = await api.call('editor', {
      method: 'POST',
      url: '/articles',
      payload: { text: fixture('en-base-attack.txt'), outlet: 'Another Outlet' },
    });
    expect(elsewhere.statusCode).toBe(202);
    expect(json<{ id: string }>(elsewhere).id).not.toBe(ids.en);
    const [count] = await api.db.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM articles',
    );
    expect(count?.n).toBe(3);
  });

  it('shows the claims of an extracted article with their sources and relays', async () => {
    const before = await api.call('reviewer', { method: 'GET', url: `/articles/${ids.ar}` });
    expect(json(before)).toMatchObject({ id: ids.ar, status: 'queued', claims: [] });

    const stored = await extract(ids.ar);
    const res = await api.call('reviewer', { method: 'GET', url: `/articles/${ids.ar}` });
    expect(res.statusCode).toBe(200);
    const article = json<{
      status: string;
      outlet: string;
      url: string;
      language: string;
      publishedAt: string;
      extractedAt: string;
      claims: Claim[];
    }>(res);
    expect(article).toMatchObject({
      status: 'extracted',
      outlet: 'بغداد اليوم',
      url: 'https://example.com/ar/habbaniyah',
      language: 'ar',
      publishedAt: '2026-08-07T09:30:00.000Z',
      extractedAt: anyString,
    });
    expect(article.claims.map((c) => c.id)).toEqual(stored.map((c) => c.id));

    const by = (fragment: string) => {
      const claim = article.claims.find((c) => c.text.includes(fragment));
      if (!claim) throw new Error(`no claim with "${fragment}"`);
      return claim;
    };
    // a relay chain: diplomats and US officials, through The National
    const relayed = by('قد يؤخر المحادثات');
    expect(relayed.sources.map((s) => s.name)).toEqual(['diplomats', 'US officials']);
    expect(relayed.via.map((s) => s.name)).toEqual(['The National']);
    // the unnamed diplomat, picked up again by «الدبلوماسي»
    const quoted = by('يتعارض مع مصالح العراق');
    const later = by('جاء رداً على الضربة');
    expect(quoted.sources.map((s) => s.name)).toEqual(['unnamed diplomat']);
    expect(later.sources[0]?.id).toBe(quoted.sources[0]?.id);
    expect(later.sources[0]?.mention).toBe('الدبلوماسي');
    // a second spelling of US officials is the same registry source
    const officials = by('استهدفت مسلحين');
    expect(officials.sources[0]?.id).toBe(relayed.sources[1]?.id);
    expect(officials.sources[0]?.mention).toBe('مسؤولون أميركيون');
    // metonymy: the capital speaks for the government
    expect(by('ترفض كل الأعمال').sources.map((s) => s.name)).toEqual(['Baghdad']);

    // and the rows behind it
    const links = await api.db.dataSource.query<{ name: string; role: string }[]>(
      `SELECT s.name, cs.role FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
       WHERE cs.claim_id = $1 ORDER BY cs.role, cs.position`,
      [relayed.id],
    );
    expect(links).toEqual([
      { name: 'diplomats', role: 'source' },
      { name: 'US officials', role: 'source' },
      { name: 'The National', role: 'via' },
    ]);
  });

  it('puts every claim on the review queue, keyed by claim id', async () => {
    const claims = await api.db.dataSource.query<{ id: string }[]>(
      'SELECT id FROM claims WHERE article_id = $1',
      [ids.ar],
    );
    expect(claims.length).toBe(7);
    for (const { id } of claims) {
      const job = await queues.review.getJob(id);
      expect(job?.data).toEqual({ claimId: id, articleId: ids.ar });
    }
  });

  it('shares registry sources across articles and languages', async () => {
    await extract(ids.en);
    const res = await api.call('auditor', {
      method: 'GET',
      url: `/sources?q=${encodeURIComponent('US officials')}`,
    });
    expect(res.statusCode).toBe(200);
    const page = json<{
      items: {
        id: string;
        name: string;
        kind: string;
        aliases: string[];
        trackRecord: { claims: number };
      }[];
    }>(res);
    const us = page.items.filter((s) => s.name === 'US officials');
    expect(us).toHaveLength(1);
    expect(us[0]).toMatchObject({ kind: 'official_group', trackRecord: { claims: 4 } });

    const claims = await api.call('reviewer', {
      method: 'GET',
      url: `/claims?sourceId=${us[0]!.id}`,
    });
    const items = json<{ items: Claim[] }>(claims).items;
    expect(new Set(items.map((c) => c.articleId))).toEqual(new Set([ids.ar, ids.en]));

    const one = await api.call('reviewer', { method: 'GET', url: `/sources/${us[0]!.id}` });
    expect(json(one)).toMatchObject({ id: us[0]!.id, name: 'US officials' });

    // one unnamed diplomat per article: two people, two sources
    const diplomats = await api.call('reviewer', {
      method: 'GET',
      url: '/sources?kind=person&q=diplomat',
    });
    expect(json<{ items: unknown[] }>(diplomats).items).toHaveLength(2);
  });

  it('filters claims and pages through them with the cursor', async () => {
    const ar = await api.call('reviewer', { method: 'GET', url: '/claims?language=ar' });
    expect(json<{ items: Claim[] }>(ar).items.every((c) => c.articleId === ids.ar)).toBe(true);
    const queued = json<{ items: Claim[] }>(
      await api.call('editor', { method: 'GET', url: `/claims?status=queued&articleId=${ids.en}` }),
    ).items;
    expect(queued).toHaveLength(6);
    const found = json<{ items: Claim[] }>(
      await api.call('editor', {
        method: 'GET',
        url: `/claims?q=${encodeURIComponent('drones')}`,
      }),
    ).items;
    expect(found.map((c) => c.text)).toEqual([
      'the strike targeted militants who were preparing to launch drones',
    ]);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await api.call('reviewer', {
        method: 'GET',
        url: `/claims?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(res.statusCode).toBe(200);
      const page = json<{ items: Claim[]; nextCursor: string | null }>(res);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(seen).toHaveLength(13);
    expect(new Set(seen).size).toBe(13);
    expect(pages).toBe(5);

    // sources of one article are created in one transaction, at one instant
    const [sourceCount] = await api.db.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM sources',
    );
    const sourceIds: string[] = [];
    cursor = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = json(
        await api.call('auditor', {
          method: 'GET',
          url: `/sources?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        }),
      );
      sourceIds.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor;
    } while (cursor && sourceIds.length < 100);
    expect(sourceIds).toHaveLength(sourceCount!.n);
    expect(new Set(sourceIds).size).toBe(sourceCount!.n);
  });

  it('shows one claim with no history before review, and no similar claims when no other article resembles it', async () => {
    const [row] = await api.db.dataSource.query<{ id: string }[]>(
      'SELECT id FROM claims WHERE article_id = $1 AND ordinal = 1',
      [ids.en],
    );
    const id = row!.id;
    const res = await api.call('auditor', { method: 'GET', url: `/claims/${id}` });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({
      id,
      articleId: ids.en,
      ordinal: 1,
      status: 'queued',
      version: 1,
      history: [],
      similar: [],
    });
  });

  it('records who did what in a valid audit chain', async () => {
    const accepted = json<{ items: { actor: string; entityId: string }[] }>(
      await api.call('auditor', {
        method: 'GET',
        url: '/audit?entityType=article&limit=200',
      }),
    ).items.filter((e) => e.entityId === ids.ar);
    expect(accepted.map((e) => e.actor)).toEqual([`key:${api.keyIds.editor}`, 'system:extractor']);
    const verify = await api.call('auditor', { method: 'GET', url: '/audit/verify' });
    expect(json(verify)).toMatchObject({ ok: true, checked: anyNumber });
    expect(json<{ checked: number }>(verify).checked).toBeGreaterThan(20);
  });
});
