import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { ApiKeyService } from '@claimtrail/ingest';
import { startApi, type ApiHarness } from './support/api-harness';
import { anyString, containing } from './support/matchers';

const MAX_CHARS = 1000;
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The contract's error body, with a message that names what was wrong. */
function expectError(res: LightMyRequestResponse, status: number, ...mentions: string[]) {
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(res.body) as { statusCode: number; error: string; message: string };
  expect({ status: res.statusCode, body }).toEqual({
    status,
    body: containing({
      statusCode: status,
      error: anyString,
      message: anyString,
    }),
  });
  for (const m of mentions) expect(body.message).toContain(m);
}

/** Each route's answers to bad requests: 400, 401, 404, 413 and 415 in the contract's JSON. */
describe('errors', () => {
  let api: ApiHarness;
  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    api.call('editor', {
      method: 'POST',
      url: '/articles',
      headers,
      payload:
        typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload),
      ...(typeof payload === 'string' || Buffer.isBuffer(payload)
        ? {}
        : { headers: { 'content-type': 'application/json', ...headers } }),
    });
  const get = (url: string) => api.call('admin', { method: 'GET', url });

  beforeAll(async () => {
    // a small limit keeps the size tests cheap; the body limit follows from it
    api = await startApi('api-errors', { maxArticleChars: MAX_CHARS });
  });
  afterAll(async () => {
    await api?.close();
  });

  describe('400: POST /articles validates every field and names it', () => {
    it.each([
      [{}, 'text'],
      [{ text: 42 }, 'text must be a string'],
      [{ text: '' }, 'text'],
      [{ text: ' \n\t\u00a0 ' }, 'text must not be empty or only whitespace'],
      [{ text: 'a\u0000b' }, 'text must be a string of valid Unicode without NUL characters'],
      // a lone surrogate: JSON can carry it ("\ud800"), Postgres's jsonb (the audit log) cannot
      [{ text: 'ok', headline: 'a\ud800' }, 'headline must be a string of valid Unicode'],
      [{ text: 'ok', outlet: '\udc00' }, 'outlet must be a string of valid Unicode'],
      [
        { text: 'ok', headline: 'h'.repeat(1001) },
        'headline must be shorter than or equal to 1000',
      ],
      [{ text: 'ok', headline: ['x'] }, 'headline must be a string'],
      [{ text: 'ok', outlet: 'o'.repeat(301) }, 'outlet must be shorter than or equal to 300'],
      [{ text: 'ok', url: 'ftp://example.com/a' }, 'url must be an http or https URL'],
      [{ text: 'ok', url: 'not a url' }, 'url must be an http or https URL'],
      [{ text: 'ok', url: `https://example.com/${'a'.repeat(2048)}` }, 'url must be shorter'],
      [{ text: 'ok', language: 'fr' }, 'language must be one of the following values: ar, en'],
      [{ text: 'ok', publishedAt: 'yesterday' }, 'publishedAt'],
      [{ text: 'ok', publishedAt: '2999-01-01T00:00:00Z' }, 'publishedAt'],
      [{ text: 'ok', publishedAt: '1850-01-01' }, 'publishedAt'],
      [{ text: 'ok', publishedAt: 1700000000 }, 'publishedAt'],
      [{ text: 'ok', status: 'extracted' }, 'property status should not exist'],
    ])('%j → 400 (%s)', async (body, mention) => {
      expectError(await post(body), 400, mention);
    });

    it('refuses bodies that are not one JSON object', async () => {
      for (const raw of ['{"text": "unterminated', '[{"text":"a"}]', '"text"', 'null', '42', '']) {
        const res = await post(raw, { 'content-type': 'application/json' });
        expectError(res, 400);
      }
      const deep = `{"text":"a","headline":${'['.repeat(100)}${']'.repeat(100)}}`;
      expectError(await post(deep, { 'content-type': 'application/json' }), 400, 'nested');
      expectError(
        await post('{"text":"a","__proto__":{"x":1}}', { 'content-type': 'application/json' }),
        400,
      );
    });

    it('accepts publishedAt up to a day ahead and a text of exactly the limit', async () => {
      const soon = new Date(Date.now() + 3600_000).toISOString();
      const res = await post({ text: `${'ب'.repeat(MAX_CHARS - 1)}.`, publishedAt: soon });
      expect(res.statusCode).toBe(202);
    });
  });

  describe('400: ids, limits, cursors, filters and unknown parameters', () => {
    it.each([
      ['/articles/not-a-uuid', 'id must be a UUID'],
      ['/claims/123', 'id must be a UUID'],
      ['/sources/6f1c7c4e-2d2a-4b8e-9c1f-0a1b2c3d4e5', 'id must be a UUID'],
      [`/articles/${randomUUID()}?verbose=1`, 'property verbose should not exist'],
      [`/claims/${randomUUID()}?x=1`, 'property x should not exist'],
      ['/audit/verify?full=true', 'property full should not exist'],
      ['/metrics?name=x', 'property name should not exist'],
      ['/claims?limit=0', 'limit must not be less than 1'],
      ['/claims?limit=201', 'limit must not be greater than 200'],
      ['/claims?limit=ten', 'limit'],
      ['/claims?limit=1.5', 'limit must be an integer'],
      ['/claims?limit=1&limit=2', 'limit'],
      ['/claims?status=done', 'status must be one of'],
      ['/claims?articleId=42', 'articleId must be a UUID'],
      ['/claims?sourceId=x', 'sourceId must be a UUID'],
      ['/claims?language=de', 'language must be one of'],
      [`/claims?q=${'q'.repeat(201)}`, 'q must be shorter'],
      ['/claims?q=a%00b', 'q must be a string of valid Unicode'],
      ['/claims?veracity=wrong', 'veracity must be one of'],
      ['/claims?attribution=true', 'attribution must be one of'],
      ['/claims?cursor=%24%24%24', 'cursor is not valid'],
      ['/claims?cursor=bm90LWpzb24', 'cursor is not valid'],
      [
        `/claims?cursor=${base64url(['2020-01-01T00:00:00.000Z', '-'.repeat(36)])}`,
        'cursor is not valid',
      ],
      [
        `/claims?cursor=${base64url(['-271821-04-20T00:00:00.000Z', randomUUID()])}`,
        'cursor is not valid',
      ],
      [`/claims?cursor=${base64url(['yesterday', randomUUID()])}`, 'cursor is not valid'],
      ['/sources?kind=alien', 'kind must be one of'],
      ['/sources?q=', 'q must be longer'],
      ['/sources?name=x', 'property name should not exist'],
      [`/sources?cursor=${base64url({ seq: 1 })}`, 'cursor is not valid'],
      ['/sources?sort=name', 'sort must be one of'],
      [
        `/sources?sort=claims&cursor=${base64url(['claims', -1, base64url(['2020-01-01T00:00:00.000Z', randomUUID()])])}`,
        'cursor is not valid',
      ],
      ['/audit?from=yesterday', 'from'],
      ['/audit?to=2026-13-45T00:00:00Z', 'to'],
      ['/audit?entityType=Robert%27);DROP', 'entityType'],
      ['/audit?limit=500', 'limit'],
      [`/audit?cursor=${base64url({ seq: -1 })}`, 'cursor is not valid'],
      [
        `/audit?cursor=${base64url(['2020-01-01T00:00:00.000Z', randomUUID()])}`,
        'cursor is not valid',
      ],
      ['/audit?entity=article', 'property entity should not exist'],
      ['/api-keys?limit=0', 'limit'],
      ['/api-keys?role=admin', 'property role should not exist'],
    ])('GET %s → 400', async (url, mention) => {
      expectError(await get(url), 400, mention);
    });

    it('DELETE /api-keys/:id and POST /api-keys validate too', async () => {
      expectError(
        await api.call('admin', { method: 'DELETE', url: '/api-keys/nope' }),
        400,
        'id must be a UUID',
      );
      for (const [body, mention] of [
        [{ role: 'editor' }, 'name'],
        [{ name: 'x', role: 'root' }, 'role must be one of'],
        [{ name: '   ', role: 'editor' }, 'name must not be empty'],
        [{ name: 'n'.repeat(101), role: 'editor' }, 'name must be shorter'],
        [{ name: 'desk \ud83d', role: 'editor' }, 'name must be a string of valid Unicode'],
        [
          { name: 'x', role: 'editor', key: 'ct_chosen-by-me-0123456789' },
          'property key should not exist',
        ],
      ] as const) {
        const res = await api.call('admin', { method: 'POST', url: '/api-keys', payload: body });
        expectError(res, 400, mention);
      }
    });
  });

  describe('401: no key, a malformed header, an unknown or a revoked key', () => {
    it.each([
      [undefined, 'an API key is required'],
      ['Bearer', 'an API key is required'],
      ['Bearer ', 'an API key is required'],
      ['bearer a b c', 'an API key is required'],
      [`Basic ${Buffer.from('user:whatever').toString('base64')}`, 'an API key is required'],
      ['Bearer ct_unknown-key-0123456789abcdefghij', 'unknown or revoked'],
      [`Bearer ${'x'.repeat(5000)}`, 'an API key is required'],
    ])('Authorization: %s → 401', async (authorization, mention) => {
      const res = await api.app.inject({
        method: 'GET',
        url: '/claims',
        headers: authorization === undefined ? {} : { authorization },
      });
      expectError(res, 401, mention);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });

    it('a key revoked through the API stops working at once, although it was cached', async () => {
      const created = await api.call('admin', {
        method: 'POST',
        url: '/api-keys',
        payload: { name: 'short-lived', role: 'reviewer' },
      });
      expect(created.statusCode).toBe(201);
      const { id, key } = JSON.parse(created.body) as { id: string; key: string };
      const asKey = () =>
        api.app.inject({
          method: 'GET',
          url: '/sources',
          headers: { authorization: `Bearer ${key}` },
        });
      expect((await asKey()).statusCode).toBe(200);
      expect(
        (await api.call('admin', { method: 'DELETE', url: `/api-keys/${id}` })).statusCode,
      ).toBe(204);
      expectError(await asKey(), 401, 'unknown or revoked');
      // revoking again changes nothing
      expect(
        (await api.call('admin', { method: 'DELETE', url: `/api-keys/${id}` })).statusCode,
      ).toBe(204);
      const listed = JSON.parse((await get('/api-keys')).body) as {
        items: { id: string; revokedAt: string | null }[];
      };
      expect(listed.items.find((k) => k.id === id)?.revokedAt).toEqual(anyString);
    });

    it('a key revoked by another process before its first use here is refused', async () => {
      const service = api.app.get(ApiKeyService);
      const { key, secret } = await service.create('other process', 'auditor', 'system:test');
      await service.revoke(key.id, 'system:test');
      const res = await api.app.inject({
        method: 'GET',
        url: '/audit',
        headers: { authorization: `Bearer ${secret}` },
      });
      expectError(res, 401);
    });
  });

  describe('404', () => {
    it.each([
      ['GET', `/articles/${randomUUID()}`, 'article'],
      ['GET', `/claims/${randomUUID()}`, 'claim'],
      ['GET', `/sources/${randomUUID()}`, 'source'],
      ['DELETE', `/api-keys/${randomUUID()}`, 'API key'],
      ['GET', '/no-such-route', ''],
      ['PUT', '/articles', ''],
    ] as const)('%s %s → 404', async (method, url, mention) => {
      expectError(await api.call('admin', { method, url }), 404, mention);
    });
  });

  describe('413: too large', () => {
    it('a body over the limit is refused before it is parsed', async () => {
      const res = await post({ text: 'x'.repeat(200_000) });
      expectError(res, 413);
      const count = await api.db.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM articles WHERE text LIKE 'xxxx%'`,
      );
      expect(count[0]?.n).toBe(0);
    });

    it('a text over MAX_ARTICLE_CHARS is refused even when the body is small enough', async () => {
      expectError(
        await post({ text: 'y'.repeat(MAX_CHARS + 1) }),
        413,
        `at most ${MAX_CHARS} characters`,
      );
    });

    it('a text of the limit escaped as \\uXXXX (as Python writes Arabic) still fits the body limit', async () => {
      const text = 'ت'.repeat(MAX_CHARS);
      const escaped = JSON.stringify({ text }).replace(
        /[\u0080-\uffff]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      expect(escaped.length).toBeGreaterThan(MAX_CHARS * 6);
      const res = await post(escaped, { 'content-type': 'application/json' });
      expect(res.statusCode).toBe(202);
    });
  });

  describe('415: bodies that are not JSON', () => {
    it.each([
      ['text/plain', 'text=hello'],
      ['application/x-www-form-urlencoded', 'text=hello'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="text"\r\n\r\nhello\r\n--x--',
      ],
      ['application/xml', '<text>hello</text>'],
      ['', '{"text":"hello"}'],
    ])('POST /articles with content-type %j → 415', async (contentType, payload) => {
      const res = await api.call('editor', {
        method: 'POST',
        url: '/articles',
        headers: { 'content-type': contentType },
        payload,
      });
      expectError(res, 415);
    });

    it('POST /api-keys with a form body → 415', async () => {
      const res = await api.call('admin', {
        method: 'POST',
        url: '/api-keys',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'name=x&role=admin',
      });
      expectError(res, 415);
    });
  });
});
