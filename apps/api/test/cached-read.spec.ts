import { fastify, type FastifyInstance } from 'fastify';
import { AuditLog } from '@claimtrail/audit';
import { ApiKeyService, ClaimReadCache } from '@claimtrail/ingest';
import { Authenticator } from '../src/auth/authenticator';
import { failedClaimRead, listCacheKey, serveCachedReads } from '../src/read-cache/cached-read';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';

const CLAIM_ID = '0b7c3a52-5d0e-4f7e-9a53-0c1f3e2a9d10';
/** A claim the read below finds, but nothing has kept yet. */
const READABLE_ID = '5d2f8a90-3c41-4b6e-8d7a-9e0f1a2b3c4d';

/**
 * The hook that answers cached reads before Nest, on a bare Fastify app whose routes carry
 * the config @CachedRead gives them: it sends a kept answer, or a claim's first read, to a
 * caller the route's roles admit, and leaves every other request to the route's own handler
 * (in the API, Nest), with the error of a read it tried.
 */
describe('cached reads answered before the handler', () => {
  let db: TestDatabase;
  let keys: ApiKeyService;
  let cache: ClaimReadCache;
  let authenticator: Authenticator;
  let app: FastifyInstance;
  /** The ids the hook asked to read (GET /claims/:id's first reads). */
  let reads: string[];
  const secrets: Record<'admin' | 'reviewer', string> = { admin: '', reviewer: '' };

  const get = (url: string, secret?: string) =>
    app.inject({
      method: 'GET',
      url,
      headers: secret ? { authorization: `Bearer ${secret}` } : {},
    });

  beforeAll(async () => {
    db = await createTestDatabase('api-cached-read');
    keys = new ApiKeyService(db.dataSource, new AuditLog());
    for (const role of ['admin', 'reviewer'] as const)
      secrets[role] = (await keys.create(`cached ${role}`, role, 'system:test')).secret;
    authenticator = new Authenticator(keys);
    cache = new ClaimReadCache({ maxBytes: 1 << 20, maxAgeMs: 60_000 });
    cache.listening();
    app = fastify();
    // stands for ClaimDetails: reads READABLE_ID (and keeps it), fails for any other id
    serveCachedReads(app, cache, authenticator, (id) => {
      reads.push(id);
      return cache.claim(id, () =>
        id === READABLE_ID
          ? Promise.resolve({ from: 'read', id })
          : Promise.reject(new Error(`claim ${id} not found`)),
      );
    });
    // the handlers stand for Nest's pipeline: they say that the request reached them
    app.get(
      '/claims/:id',
      { config: { cachedRead: { kind: 'claim', roles: ['reviewer'] } } },
      // and with the error of a read the hook tried, which Nest's handler answers
      (request) => {
        const failed = failedClaimRead(request);
        return { from: 'handler', ...(failed ? { failed: (failed.error as Error).message } : {}) };
      },
    );
    app.get('/claims', { config: { cachedRead: { kind: 'claimList', roles: ['admin'] } } }, () => ({
      from: 'handler',
    }));
    app.get('/other', () => ({ from: 'handler' }));
    await app.ready();
    await cache.claim(CLAIM_ID, () => Promise.resolve({ from: 'cache', id: CLAIM_ID }));
    await cache.list('status=queued&limit=3', () => Promise.resolve({ from: 'cache', items: [] }));
  });
  beforeEach(() => {
    reads = [];
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await app?.close();
    await db?.drop();
  });

  it('sends a kept claim answer, as JSON, to a caller the route admits', async () => {
    for (const url of [`/claims/${CLAIM_ID}`, `/claims/${CLAIM_ID.toUpperCase()}`]) {
      const res = await get(url, secrets.reviewer);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.json()).toEqual({ from: 'cache', id: CLAIM_ID });
    }
    // admin passes every role check
    expect((await get(`/claims/${CLAIM_ID}`, secrets.admin)).json()).toMatchObject({
      from: 'cache',
    });
  });

  it('leaves to the handler a caller without a key, with an unknown key, or one the route refuses', async () => {
    const reviewerOnList = await get('/claims?status=queued&limit=3', secrets.reviewer);
    expect(reviewerOnList.json()).toEqual({ from: 'handler' });
    expect((await get('/claims?status=queued&limit=3', secrets.admin)).json()).toEqual({
      from: 'cache',
      items: [],
    });
    for (const secret of [undefined, 'ct_not-a-key-0123456789abcdef'])
      expect((await get(`/claims/${CLAIM_ID}`, secret)).json()).toEqual({ from: 'handler' });
    const basic = await app.inject({
      method: 'GET',
      url: `/claims/${CLAIM_ID}`,
      headers: {
        authorization: `Basic ${Buffer.from(`x:${secrets.reviewer}`).toString('base64')}`,
      },
    });
    expect(basic.json()).toEqual({ from: 'handler' });
  });

  it('reads a claim that has no kept answer, keeps it, and leaves a failed read to the handler', async () => {
    const first = await get(`/claims/${READABLE_ID.toUpperCase()}`, secrets.reviewer);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.json()).toEqual({ from: 'read', id: READABLE_ID });
    expect(reads).toEqual([READABLE_ID]);
    expect(cache.keptClaim(READABLE_ID)).toBeDefined();
    expect((await get(`/claims/${READABLE_ID}`, secrets.reviewer)).json()).toEqual({
      from: 'read',
      id: READABLE_ID,
    });
    expect(reads).toEqual([READABLE_ID]);
    // an unknown claim (or Postgres away): the handler answers with the read's error
    const unknown = '7e0b9d1c-27a8-4a8e-8f00-3f5f3d1b2c4e';
    expect((await get(`/claims/${unknown}`, secrets.reviewer)).json()).toEqual({
      from: 'handler',
      failed: `claim ${unknown} not found`,
    });
    expect(reads).toEqual([READABLE_ID, unknown]);
  });

  it('reads nothing for a caller without a key, with an unknown key, or one the route refuses', async () => {
    const auditor = await keys.create('cached auditor', 'auditor', 'system:test');
    // an id nothing has kept: a read would show in `reads`
    const unread = 'c6a1f0de-8b2e-4d3c-9f4a-5e6b7c8d9e0f';
    for (const secret of [undefined, 'ct_not-a-key-0123456789abcdef', auditor.secret])
      expect((await get(`/claims/${unread}`, secret)).json()).toEqual({ from: 'handler' });
    expect(reads).toEqual([]);
    expect((await get(`/claims/${unread}`, secrets.reviewer)).json()).toEqual({
      from: 'handler',
      failed: `claim ${unread} not found`,
    });
    expect(reads).toEqual([unread]);
  });

  it('leaves to the handler what it cannot answer: an id Nest refuses, a query, a list not kept', async () => {
    for (const url of [
      '/claims/not-a-uuid',
      // UUID-shaped, but not a version Nest's ParseUUIDPipe accepts
      '/claims/7e0b9d1c-27a8-0a8e-8f00-3f5f3d1b2c4e',
      `/claims/${CLAIM_ID}?fields=id`,
      `/claims/${READABLE_ID}?fields=id`,
      '/claims?limit=3&status=queued',
      '/claims',
      '/other',
    ])
      expect((await get(url, secrets.admin)).json()).toEqual({ from: 'handler' });
    expect(reads).toEqual([]);
  });

  it('leaves requests to the handler when the key cannot be checked, and serves nothing kept while the cache does not serve', async () => {
    const fresh = await keys.create('unchecked', 'reviewer', 'system:test');
    jest.spyOn(keys, 'authenticate').mockRejectedValueOnce(new Error('Postgres is away'));
    expect((await get(`/claims/${CLAIM_ID}`, fresh.secret)).json()).toEqual({ from: 'handler' });
    expect((await get(`/claims/${CLAIM_ID}`, fresh.secret)).json()).toMatchObject({
      from: 'cache',
    });
    expect(reads).toEqual([]);

    // the claims are read again (CLAIM_ID was only ever kept: its read fails here), and what
    // is read is not kept
    cache.lost();
    expect((await get(`/claims/${CLAIM_ID}`, secrets.reviewer)).json()).toEqual({
      from: 'handler',
      failed: `claim ${CLAIM_ID} not found`,
    });
    expect((await get(`/claims/${READABLE_ID}`, secrets.reviewer)).json()).toEqual({
      from: 'read',
      id: READABLE_ID,
    });
    expect(reads).toEqual([CLAIM_ID, READABLE_ID]);
    cache.listening();
    expect(cache.keptClaim(READABLE_ID)).toBeUndefined();
  });

  it('keys a list answer by its query string as sent', () => {
    const key = (url: string) => listCacheKey({ url } as Parameters<typeof listCacheKey>[0]);
    expect(key('/claims')).toBe('');
    expect(key('/claims?')).toBe('');
    expect(key('/claims?status=queued&limit=3')).toBe('status=queued&limit=3');
    expect(key('/claims?q=a%3Fb')).toBe('q=a%3Fb');
  });
});
