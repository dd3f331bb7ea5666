import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditLog } from '@claimtrail/audit';
import { ApiKeyService, ClaimReadCache, ExtractionService, ReadService } from '@claimtrail/ingest';
import { notifyClaimsChanged, ROLES } from '@claimtrail/persistence';
import { storeArticle } from '../../../test/support/stored-articles';
import { ApiKeyGuard } from '../src/auth/api-key.guard';
import { startApi, type ApiHarness } from './support/api-harness';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

interface Page {
  items: { id: string; articleId: string; text: string }[];
  nextCursor: string | null;
}

/**
 * The claim routes through the API with their read cache: the same answers as without it,
 * for every role that may read and only for them, and new or changed claims visible as
 * soon as the transaction that wrote them announces them. The cache's own age limit is
 * set far beyond the test, so only the announcements can refresh what it kept.
 */
describe('claim reads through the cache', () => {
  let api: ApiHarness;
  let firstArticle: string;

  const extract = async (articleId: string) => {
    const outcome = await new ExtractionService(api.db.dataSource, new AuditLog()).extractArticle(
      articleId,
    );
    if (outcome.kind !== 'extracted') throw new Error(`extraction: ${outcome.kind}`);
    return outcome.claims.map((c) => c.id);
  };
  const get = (url: string, role: (typeof ROLES)[number] | null = 'reviewer') =>
    api.call(role, { method: 'GET', url });

  beforeAll(async () => {
    api = await startApi('api-claim-reads', { claimCacheMaxAgeMs: 600_000 });
    const cache = api.app.get(ClaimReadCache);
    await until('the cache to listen', () => Promise.resolve(cache.serving));
    firstArticle = await storeArticle(api.db.dataSource, fixture('en-base-attack.txt'));
    await extract(firstArticle);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers every reading role with the same JSON, and keeps refusing everyone else', async () => {
    const [{ id } = { id: '' }] = await api.db.dataSource.query<{ id: string }[]>(
      'SELECT id FROM claims ORDER BY ordinal LIMIT 1',
    );
    for (const url of [`/claims/${id}`, '/claims?status=queued&limit=3']) {
      const answers = [];
      for (const role of ROLES) {
        const res = await get(url, role);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        answers.push(res.body);
      }
      expect(new Set(answers).size).toBe(1);
      // what is kept is served to callers the route admits only
      expect((await get(url, null)).statusCode).toBe(401);
      const wrongKey = await api.call(null, {
        method: 'GET',
        url,
        headers: { authorization: 'Bearer ct_not-a-key-0123456789abcdef' },
      });
      expect(wrongKey.statusCode).toBe(401);
    }
    const upper = await get(`/claims/${id.toUpperCase()}`);
    expect(upper.statusCode).toBe(200);
    expect(JSON.parse(upper.body)).toMatchObject({ id, history: [], similar: [] });
  });

  it("sends kept answers and a claim's first read without Nest's pipeline, and still refuses a key revoked meanwhile", async () => {
    const [{ id } = { id: '' }, { id: unread } = { id: '' }] = await api.db.dataSource.query<
      { id: string }[]
    >('SELECT id FROM claims ORDER BY ordinal LIMIT 2');
    const guard = jest.spyOn(ApiKeyGuard.prototype, 'canActivate');
    // a claim nobody has read yet: read and kept before Nest; an unknown one is Nest's 404
    const firstRead = await get(`/claims/${unread}`);
    expect(firstRead.statusCode).toBe(200);
    expect(JSON.parse(firstRead.body)).toMatchObject({ id: unread, history: [], similar: [] });
    expect(guard).not.toHaveBeenCalled();
    // read once, before Nest, whose handler answers with that read's error
    const reads = jest.spyOn(ReadService.prototype, 'claimDetail');
    const unknown = await get('/claims/7e0b9d1c-27a8-4a8e-8f00-3f5f3d1b2c4e');
    expect(unknown.statusCode).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(guard).toHaveBeenCalledTimes(1);
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();
    for (const url of [`/claims/${id}`, '/claims?limit=4']) {
      const first = await get(url);
      guard.mockClear();
      const again = await get(url);
      expect(again.statusCode).toBe(200);
      expect(again.body).toBe(first.body);
      expect(again.headers['x-request-id']).toBeDefined();
      expect(guard).not.toHaveBeenCalled();
      // what the route refuses goes through Nest, which answers as it always does
      expect((await get(`${url}${url.includes('?') ? '&' : '?'}color=red`)).statusCode).toBe(400);
      expect(guard).toHaveBeenCalledTimes(1);
    }
    guard.mockRestore();

    const { secret, key } = await new ApiKeyService(api.db.dataSource, new AuditLog()).create(
      'short-lived reader',
      'auditor',
      'system:test',
    );
    const asReader = () =>
      api.call(null, {
        method: 'GET',
        url: `/claims/${id}`,
        headers: { authorization: `Bearer ${secret}` },
      });
    expect((await asReader()).statusCode).toBe(200);
    const revoked = await api.call('admin', { method: 'DELETE', url: `/api-keys/${key.id}` });
    expect(revoked.statusCode).toBe(204);
    expect((await asReader()).statusCode).toBe(401);
  });

  it('shows a changed claim as soon as the change is announced', async () => {
    const [{ id } = { id: '' }] = await api.db.dataSource.query<{ id: string }[]>(
      'SELECT id FROM claims ORDER BY ordinal LIMIT 1',
    );
    const text = async () =>
      (JSON.parse((await get(`/claims/${id}`)).body) as { text: string }).text;
    const original = await text();
    // written without an announcement: the kept answer stands (this is what a cache does)
    await api.db.dataSource.query(`UPDATE claims SET text = 'silently changed' WHERE id = $1`, [
      id,
    ]);
    expect(await text()).toBe(original);
    // announced by the transaction that writes it, as every claim writer does
    await api.db.dataSource.transaction(async (tx) => {
      await tx.query(`UPDATE claims SET text = 'corrected' WHERE id = $1`, [id]);
      await notifyClaimsChanged(tx, [id]);
    });
    await until('the corrected claim', async () => (await text()) === 'corrected');
  });

  it('shows the claims of a newly extracted article on the list pages', async () => {
    const list = async (url: string) => JSON.parse((await get(url)).body) as Page;
    const before = await list('/claims?limit=200');
    const byArticle = await list(`/claims?articleId=${firstArticle}&limit=200`);
    expect(byArticle.items.length).toBe(before.items.length);
    // a cursor page is cached under its own key too
    const firstPage = await list('/claims?limit=2');
    const secondPage = await list(`/claims?limit=200&cursor=${firstPage.nextCursor}`);
    expect(secondPage.items).toHaveLength(before.items.length - 2);

    const second = await storeArticle(api.db.dataSource, fixture('ar-base-attack.txt'));
    const created = await extract(second);
    expect(created.length).toBeGreaterThan(0);
    await until('the new claims on the list', async () => {
      const after = await list('/claims?limit=200');
      return after.items.length === before.items.length + created.length;
    });
    const ids = (page: Page) => page.items.map((c) => c.id).sort();
    expect(ids(await list('/claims?limit=200'))).toEqual(
      [...before.items.map((c) => c.id), ...created].sort(),
    );
    const nextPage = await list(`/claims?limit=200&cursor=${firstPage.nextCursor}`);
    expect(nextPage.items).toHaveLength(before.items.length - 2 + created.length);
    const ofSecond = await list(`/claims?articleId=${second}&limit=200`);
    expect(ids(ofSecond)).toEqual([...created].sort());
    const claim = await get(`/claims/${created[0]}`);
    expect(claim.statusCode).toBe(200);
  });
});

describe('claim reads with CLAIM_CACHE_MAX_AGE_MS=0', () => {
  let api: ApiHarness;
  afterAll(async () => {
    await api?.close();
  });

  it('read Postgres every time', async () => {
    api = await startApi('api-claim-reads-off', { claimCacheMaxAgeMs: 0 });
    const articleId = await storeArticle(api.db.dataSource, fixture('en-base-attack.txt'));
    await new ExtractionService(api.db.dataSource, new AuditLog()).extractArticle(articleId);
    const [{ id } = { id: '' }] = await api.db.dataSource.query<{ id: string }[]>(
      'SELECT id FROM claims ORDER BY ordinal LIMIT 1',
    );
    const read = async () => {
      const res = await api.call('reviewer', { method: 'GET', url: `/claims/${id}` });
      return (JSON.parse(res.body) as { text: string }).text;
    };
    expect(api.app.get(ClaimReadCache).serving).toBe(false);
    await read();
    await api.db.dataSource.query(`UPDATE claims SET text = 'unannounced' WHERE id = $1`, [id]);
    expect(await read()).toBe('unannounced');
  });
});
