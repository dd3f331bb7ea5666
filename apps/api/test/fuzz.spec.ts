import { Logger } from '@nestjs/common';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { startApi, type ApiHarness } from './support/api-harness';

/** Seeded so a failure can be replayed; FUZZ_SEED overrides it. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS = 3_000;

const ROUTES: { method: string; path: string; body?: boolean }[] = [
  { method: 'POST', path: '/articles', body: true },
  { method: 'GET', path: '/articles/:id' },
  { method: 'GET', path: '/claims' },
  { method: 'GET', path: '/claims/:id' },
  { method: 'GET', path: '/sources' },
  { method: 'GET', path: '/sources/:id' },
  { method: 'POST', path: '/review/lease', body: true },
  { method: 'POST', path: '/review/:id/heartbeat', body: true },
  { method: 'POST', path: '/review/:id/release', body: true },
  { method: 'POST', path: '/review/:id/verdict', body: true },
  { method: 'GET', path: '/review/stats' },
  { method: 'POST', path: '/claims/:id/assign', body: true },
  { method: 'PATCH', path: '/claims/:id', body: true },
  { method: 'POST', path: '/sources/:id/merge', body: true },
  { method: 'GET', path: '/audit' },
  { method: 'GET', path: '/audit/verify' },
  { method: 'POST', path: '/api-keys', body: true },
  { method: 'GET', path: '/api-keys' },
  { method: 'DELETE', path: '/api-keys/:id', body: true },
  { method: 'GET', path: '/metrics' },
  { method: 'GET', path: '/health' },
  { method: 'GET', path: '/docs-json' },
  // the dashboard's read routes only: its write routes would empty the test's queues
  { method: 'GET', path: '/admin/queues/api/queues' },
  { method: 'GET', path: '/admin/queues/api/queues/:id/:id' },
];
const QUERY_KEYS = [
  'limit',
  'cursor',
  'status',
  'articleId',
  'sourceId',
  'language',
  'q',
  'kind',
  'entityType',
  'entityId',
  'actor',
  'from',
  'to',
  'veracity',
  '__proto__',
  'constructor',
  'x',
];

/** Characters a client can put in a header value (no CR/LF, which no HTTP parser lets through). */
const headerText = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    fc.constantFrom('\t', '\u00e9', '\u00ff'),
  ),
  maxLength: 300,
});

const notAUuid = fc.oneof(
  fc.string({ maxLength: 60 }).filter((s) => !/^[0-9a-f-]{36}$/i.test(s)),
  fc.uuid().map((u) => u.slice(0, 35)),
  fc.uuid().map((u) => `${u}0`),
  fc.uuid().map((u) => u.replace(/-/g, '')),
  fc.uuid().map((u) => u.replace(/[0-9]/, 'g')),
  fc.constantFrom(
    '..',
    '%00',
    '%2e%2e%2f',
    'null',
    'undefined',
    '-1',
    '0'.repeat(5000),
    '%F0%9F%92%A9',
  ),
);

const queryValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(
    '',
    '0',
    '-1',
    '201',
    '1e400',
    'NaN',
    'true',
    '[]',
    '{}',
    'null',
    'x'.repeat(3000),
  ),
  fc.base64String({ maxLength: 80 }),
  fc.json().map((j) => Buffer.from(j).toString('base64url')),
);
const queryString = fc
  .array(
    fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 12 })), queryValue),
    {
      maxLength: 6,
    },
  )
  .map((pairs) =>
    pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'),
  );

/** Bodies of wrong types, wrong shapes, odd sizes and bad encodings. */
const deep = fc
  .tuple(fc.integer({ min: 17, max: 20_000 }), fc.constantFrom('[', '{"a":'))
  .map(([depth, open]) => `${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}`);
const articleLike = fc.record(
  {
    text: fc.oneof(
      fc.anything(),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constant('   '),
    ),
    headline: fc.anything(),
    outlet: fc.oneof(fc.anything(), fc.string({ maxLength: 400 })),
    url: fc.oneof(fc.webUrl(), fc.string(), fc.anything()),
    language: fc.oneof(fc.constantFrom('ar', 'en', 'AR', 'fr', ''), fc.anything()),
    publishedAt: fc.oneof(
      fc.date({ noInvalidDate: false }).map((d) => String(d)),
      fc.anything(),
    ),
    name: fc.anything(),
    role: fc.oneof(fc.constantFrom('admin', 'root', ''), fc.anything()),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);
const body: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  articleLike.map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 500 }),
  fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
  // invalid UTF-8 inside an otherwise well-formed JSON object
  fc
    .uint8Array({ minLength: 1, maxLength: 200 })
    .map((a) =>
      Buffer.concat([
        Buffer.from('{"text":"'),
        Buffer.from(a.map((b) => b | 0x80)),
        Buffer.from('"}'),
      ]),
    ),
  deep,
  fc
    .integer({ min: 1_000_000, max: 1_400_000 })
    .map((n) => JSON.stringify({ text: 'z'.repeat(n) })),
  fc.constantFrom(
    '',
    '{',
    '{"text":}',
    '{"text":"a",}',
    '\ufeff{"text":"a"}',
    '{"text":"\\ud800"}',
  ),
);
const contentType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=latin1',
    'Application/JSON',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=--x',
    'application/octet-stream',
    'application/vnd.api+json',
    'application/json-patch+json',
    '*/*',
    ';',
    '',
  ),
  headerText,
);
const authorization = (adminKey: string) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constant(`Bearer ${adminKey}`) },
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: headerText },
    {
      weight: 1,
      arbitrary: fc.constant(`Basic ${Buffer.from(`:${adminKey}`).toString('base64')}`),
    },
    { weight: 1, arbitrary: headerText.map((s) => `Bearer ${s}`) },
    { weight: 1, arbitrary: headerText.map((s) => `Basic ${Buffer.from(s).toString('base64')}`) },
  );
const oddHeaders = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      'x-request-id',
      'accept',
      'accept-encoding',
      'content-encoding',
      'transfer-encoding',
      'x-forwarded-for',
      'x-forwarded-proto',
      'origin',
      'cookie',
      'if-none-match',
      'range',
      'expect',
    ),
    fc.stringMatching(/^x-[a-z0-9-]{1,20}$/),
  ),
  headerText,
  { maxKeys: 4 },
);

/** A JSON body over the limit (1.2 MB for the default 200,000 characters), with or without a key. */
const oversized = (adminKey: string): fc.Arbitrary<InjectOptions> =>
  fc
    .record({
      route: fc.constantFrom('/articles', '/api-keys'),
      size: fc.integer({ min: 1_300_000, max: 1_600_000 }),
      authorization: fc.option(fc.constant(`Bearer ${adminKey}`)),
    })
    .map((r) => ({
      method: 'POST' as const,
      url: r.route,
      headers: {
        'content-type': 'application/json',
        ...(r.authorization ? { authorization: r.authorization } : {}),
      },
      payload: JSON.stringify({ text: 'z'.repeat(r.size) }),
    }));

/** Values that are nearly right: they pass the front door and test the deeper checks. */
const junkText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    '%',
    '_',
    '\\',
    "'; --",
    ' ',
    '\u202e',
    'x'.repeat(5000),
  ),
);
const anyUuid = fc.oneof(fc.uuid(), fc.constantFrom('00000000-0000-0000-0000-000000000000'));
const isoish = fc.oneof(
  fc
    .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom(
    '2026-02-30',
    '1899-12-31T23:59:59Z',
    '9999-12-31T23:59:59Z',
    '2026-01-01T25:00:00Z',
  ),
);
const cursorish = fc.oneof(
  fc.tuple(isoish, anyUuid).map((t) => Buffer.from(JSON.stringify(t)).toString('base64url')),
  fc
    .record({ seq: fc.oneof(fc.integer(), fc.double(), fc.string()) })
    .map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
  fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
);
const NEAR_VALID_QUERIES: Record<string, Record<string, fc.Arbitrary<string>>> = {
  '/claims': {
    status: fc.constantFrom('queued', 'in_review', 'reviewed'),
    articleId: anyUuid,
    sourceId: anyUuid,
    language: fc.constantFrom('ar', 'en'),
    q: fc.string({ maxLength: 20 }),
    limit: fc.integer({ min: 1, max: 200 }).map(String),
    cursor: cursorish,
  },
  '/sources': {
    q: fc.string({ maxLength: 20 }),
    kind: fc.constantFrom('person', 'outlet', 'official_group', 'government'),
    limit: fc.integer({ min: 1, max: 200 }).map(String),
    cursor: cursorish,
  },
  '/audit': {
    entityType: fc.constantFrom('article', 'api_key', 'claim'),
    entityId: fc.oneof(anyUuid, fc.string({ maxLength: 20 })),
    actor: fc.string({ maxLength: 20 }),
    from: isoish,
    to: isoish,
    limit: fc.integer({ min: 1, max: 200 }).map(String),
    cursor: cursorish,
  },
  '/api-keys': { limit: fc.integer({ min: 1, max: 200 }).map(String), cursor: cursorish },
};
/** A valid record of `fields` with at most one of them replaced by junk. */
const oneMutation = (fields: Record<string, fc.Arbitrary<unknown>>, required: string[] = []) =>
  fc
    .record({
      valid: fc.record(fields, { requiredKeys: required }),
      mutation: fc.option(fc.tuple(fc.constantFrom(...Object.keys(fields)), junkText), {
        freq: 3,
      }),
    })
    .map(({ valid, mutation }) =>
      mutation ? { ...valid, [mutation[0]]: mutation[1] } : valid,
    ) as fc.Arbitrary<Record<string, unknown>>;

const nearValidQuery = (adminKey: string): fc.Arbitrary<InjectOptions> =>
  fc.constantFrom(...Object.keys(NEAR_VALID_QUERIES)).chain((path) =>
    oneMutation(NEAR_VALID_QUERIES[path]!).map((query) => ({
      method: 'GET' as const,
      url: `${path}?${new URLSearchParams(query as Record<string, string>).toString()}`,
      headers: { authorization: `Bearer ${adminKey}` },
    })),
  );
const nearValidBody = (adminKey: string): fc.Arbitrary<InjectOptions> =>
  fc
    .oneof(
      oneMutation(
        {
          text: fc.lorem(),
          headline: fc.lorem({ maxCount: 3 }),
          outlet: fc.constantFrom('Gulf Wire', 'عراقيون'),
          url: fc.webUrl(),
          language: fc.constantFrom('ar', 'en'),
          publishedAt: isoish,
        },
        ['text'],
      ).map((body) => ({ url: '/articles', body })),
      oneMutation(
        { name: fc.lorem({ maxCount: 2 }), role: fc.constantFrom('editor', 'reviewer', 'auditor') },
        ['name', 'role'],
      ).map((body) => ({ url: '/api-keys', body })),
      fc
        .tuple(
          anyUuid,
          oneMutation(
            {
              token: anyUuid,
              attribution: fc.constantFrom('confirmed', 'misattributed', 'unconfirmed'),
              veracity: fc.constantFrom('true', 'mostly_true', 'misleading', 'false'),
              rationale: fc.lorem({ maxCount: 5 }),
              evidence: fc.array(fc.record({ url: fc.webUrl(), note: fc.lorem() }), {
                maxLength: 3,
              }),
              reverifyAt: isoish,
            },
            ['token', 'attribution', 'veracity'],
          ),
        )
        .map(([claimId, body]) => ({ url: `/review/${claimId}/verdict`, body })),
      oneMutation({
        language: fc.constantFrom('ar', 'en'),
        desk: fc.constantFrom('Gulf Wire', 'عراقيون'),
      }).map((body) => ({ url: '/review/lease', body })),
      fc
        .tuple(
          anyUuid,
          oneMutation(
            {
              version: fc.integer({ min: -1, max: 5 }),
              sources: fc.array(anyUuid, { maxLength: 3 }),
              via: fc.array(anyUuid, { maxLength: 3 }),
              start: fc.integer({ min: -1, max: 300 }),
              end: fc.integer({ min: 0, max: 300 }),
              type: fc.constantFrom('direct_quote', 'indirect', 'mixed', 'unattributed'),
            },
            ['version'],
          ),
        )
        .map(([claimId, body]) => ({ url: `/claims/${claimId}`, body, method: 'PATCH' as const })),
      fc
        .tuple(anyUuid, oneMutation({ intoId: anyUuid }, ['intoId']))
        .map(([sourceId, body]) => ({ url: `/sources/${sourceId}/merge`, body })),
    )
    .map(
      ({
        url,
        body,
        method = 'POST',
      }: {
        url: string;
        body: object;
        method?: 'POST' | 'PATCH';
      }) => ({
        method,
        url,
        headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      }),
    );

function requestArbitrary(adminKey: string): fc.Arbitrary<InjectOptions> {
  return fc.oneof(
    { weight: 12, arbitrary: malformedRequest(adminKey) },
    { weight: 5, arbitrary: nearValidQuery(adminKey) },
    { weight: 3, arbitrary: nearValidBody(adminKey) },
    { weight: 1, arbitrary: oversized(adminKey) },
  );
}

function malformedRequest(adminKey: string): fc.Arbitrary<InjectOptions> {
  return fc
    .record({
      route: fc.constantFrom(...ROUTES),
      method: fc.oneof(
        { weight: 6, arbitrary: fc.constant<string | undefined>(undefined) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'),
        },
      ),
      id: notAUuid,
      query: queryString,
      body: fc.option(body, { freq: 3 }),
      contentType: fc.option(contentType, { freq: 5 }),
      authorization: authorization(adminKey),
      headers: oddHeaders,
    })
    .map((r) => {
      const path = r.route.path.replace(/:id/g, () => encodeURIComponent(r.id));
      const headers: Record<string, string> = { ...r.headers };
      if (r.authorization !== undefined) headers.authorization = r.authorization;
      if (r.contentType !== null) headers['content-type'] = r.contentType;
      // transfer-encoding would ask light-my-request for a chunked body it is not given
      delete headers['transfer-encoding'];
      delete headers['content-length'];
      return {
        method: (r.method ?? r.route.method) as 'GET',
        url: r.query ? `${path}?${r.query}` : path,
        headers,
        ...(r.body !== null && (r.route.body || r.method) ? { payload: r.body } : {}),
      };
    });
}

/**
 * Thousands of malformed requests across every route, with an admin key and without: the
 * API answers each with a 4xx (or a 2xx when the junk happens to be acceptable), never a 5xx,
 * and stays healthy.
 */
describe('fuzzing the API with malformed requests', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi('api-fuzz');
  });
  afterAll(async () => {
    await api?.close();
  });

  it(`answers ${RUNS} malformed requests without a 5xx and stays healthy`, async () => {
    // the exception filter logs what it did not anticipate (a 500, or a database error that
    // validation should have caught and that only the safety net turned into a 400)
    const unexpected = jest.spyOn(Logger.prototype, 'error');
    const statuses = new Map<number, number>();
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(requestArbitrary(api.keys.admin), async (request) => {
        const res = await api.app.inject(request);
        const url = typeof request.url === 'string' ? request.url : '';
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 500)
          throw new Error(
            `${res.statusCode} for ${request.method} ${url}: ${res.body.slice(0, 300)}`,
          );
        // the dashboard's own API keeps its own error format; every other error is the contract's
        const dashboard = url.startsWith('/admin/queues/');
        if (res.statusCode >= 400 && request.method !== 'HEAD' && !dashboard) {
          const error = JSON.parse(res.body) as { statusCode: number; message: unknown };
          expect(error.statusCode).toBe(res.statusCode);
          expect(typeof error.message).toBe('string');
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(unexpected.mock.calls).toEqual([]);
    unexpected.mockRestore();
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(RUNS);
    // the junk reached the checks that matter, not only the front door
    for (const status of [400, 401, 404, 413, 415])
      expect(statuses.get(status) ?? 0).toBeGreaterThan(10);
    expect(Date.now() - started).toBeLessThan(60_000);

    const health = await api.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    const claims = await api.call('reviewer', { method: 'GET', url: '/claims?limit=1' });
    expect(claims.statusCode).toBe(200);
    const verify = await api.call('auditor', { method: 'GET', url: '/audit/verify' });
    expect(JSON.parse(verify.body)).toMatchObject({ ok: true });
  }, 120_000);
});
