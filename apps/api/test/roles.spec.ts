import { randomUUID } from 'node:crypto';
import { AuditLog } from '@claimtrail/audit';
import { ApiKeyService, ExtractionService } from '@claimtrail/ingest';
import type { Role } from '@claimtrail/persistence';
import { startApi, type ApiHarness } from './support/api-harness';
import { anyString } from './support/matchers';

type Caller = Role | null;
const EVERY_ROLE: Role[] = ['admin', 'editor', 'reviewer', 'auditor'];

interface RouteCase {
  method: 'GET' | 'POST' | 'DELETE';
  /** The path as OpenAPI writes it. */
  path: string;
  /** Who may, per the contract's role table (shared/contracts/api.md); null: no key needed. */
  roles: Role[] | null;
  ok: number;
  url: (api: ApiHarness) => Promise<string> | string;
  payload?: () => object;
}

const ids = { article: '', claim: '', source: '' };
let n = 0;

/** Every route of the API, written from the contract rather than from the implementation. */
const ROUTES: RouteCase[] = [
  {
    method: 'POST',
    path: '/articles',
    roles: ['admin', 'editor'],
    ok: 202,
    url: () => '/articles',
    payload: () => ({ text: `Headline\nThe ministry said on day ${(n += 1)} that it agreed.` }),
  },
  {
    method: 'GET',
    path: '/articles/{id}',
    roles: EVERY_ROLE,
    ok: 200,
    url: () => `/articles/${ids.article}`,
  },
  {
    method: 'GET',
    path: '/claims',
    roles: EVERY_ROLE,
    ok: 200,
    url: () => '/claims?status=queued',
  },
  {
    method: 'GET',
    path: '/claims/{id}',
    roles: EVERY_ROLE,
    ok: 200,
    url: () => `/claims/${ids.claim}`,
  },
  { method: 'GET', path: '/sources', roles: EVERY_ROLE, ok: 200, url: () => '/sources' },
  {
    method: 'GET',
    path: '/sources/{id}',
    roles: EVERY_ROLE,
    ok: 200,
    url: () => `/sources/${ids.source}`,
  },
  {
    method: 'GET',
    path: '/audit',
    roles: ['admin', 'auditor'],
    ok: 200,
    url: () => '/audit?limit=5',
  },
  {
    method: 'GET',
    path: '/audit/verify',
    roles: ['admin', 'auditor'],
    ok: 200,
    url: () => '/audit/verify',
  },
  {
    method: 'POST',
    path: '/api-keys',
    roles: ['admin'],
    ok: 201,
    url: () => '/api-keys',
    payload: () => ({ name: `key ${(n += 1)}`, role: 'reviewer' }),
  },
  { method: 'GET', path: '/api-keys', roles: ['admin'], ok: 200, url: () => '/api-keys' },
  {
    method: 'DELETE',
    path: '/api-keys/{id}',
    roles: ['admin'],
    ok: 204,
    // a fresh key to revoke for every call, so a refusal is never an answer about state
    url: async (api) => {
      const { key } = await api.app
        .get(ApiKeyService)
        .create('to revoke', 'reviewer', 'system:test');
      return `/api-keys/${key.id}`;
    },
  },
  { method: 'GET', path: '/metrics', roles: ['admin'], ok: 200, url: () => '/metrics' },
  { method: 'GET', path: '/health', roles: null, ok: 200, url: () => '/health' },
  // served by Fastify plugins outside Nest's router, guarded by the same keys
  { method: 'GET', path: '/docs-json', roles: EVERY_ROLE, ok: 200, url: () => '/docs-json' },
  { method: 'GET', path: '/docs', roles: EVERY_ROLE, ok: 200, url: () => '/docs' },
  { method: 'GET', path: '/admin/queues', roles: ['admin'], ok: 200, url: () => '/admin/queues' },
];

const expected = (route: RouteCase, caller: Caller): number => {
  if (route.roles === null) return route.ok;
  if (caller === null) return 401;
  return route.roles.includes(caller) ? route.ok : 403;
};

describe('who may call what (role × route)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi('api-roles');
    const res = await api.call('editor', {
      method: 'POST',
      url: '/articles',
      payload: { text: 'Headline\nUS officials said the convoy crossed the border on Monday.' },
    });
    ids.article = (JSON.parse(res.body) as { id: string }).id;
    await new ExtractionService(api.db.dataSource, new AuditLog()).extractArticle(ids.article);
    const [claim] = await api.db.dataSource.query<{ id: string }[]>(
      'SELECT id FROM claims LIMIT 1',
    );
    const [source] = await api.db.dataSource.query<{ id: string }[]>(
      'SELECT id FROM sources LIMIT 1',
    );
    ids.claim = claim!.id;
    ids.source = source!.id;
  });
  afterAll(async () => {
    await api?.close();
  });

  const cases = ROUTES.flatMap((route) =>
    ([null, ...EVERY_ROLE] as Caller[]).map(
      (caller) =>
        [
          `${route.method} ${route.path} as ${caller ?? 'nobody'} → ${expected(route, caller)}`,
          route,
          caller,
        ] as const,
    ),
  );

  it.each(cases)('%s', async (_name, route, caller) => {
    const res = await api.call(caller, {
      method: route.method,
      url: await route.url(api),
      ...(route.payload ? { payload: route.payload() } : {}),
    });
    expect(res.statusCode).toBe(expected(route, caller));
    if (res.statusCode === 401 || res.statusCode === 403)
      expect(JSON.parse(res.body)).toMatchObject({
        statusCode: res.statusCode,
        error: anyString,
      });
  });

  it('a key with no Authorization scheme, a wrong scheme or a made-up key is refused everywhere', async () => {
    for (const route of ROUTES.filter((r) => r.roles !== null)) {
      for (const authorization of [
        api.keys.admin,
        `Token ${api.keys.admin}`,
        `Bearer ${randomUUID()}`,
      ]) {
        const res = await api.app.inject({
          method: route.method,
          url: await route.url(api),
          headers: { authorization },
          ...(route.payload ? { payload: route.payload() } : {}),
        });
        expect(`${route.method} ${route.path}: ${res.statusCode}`).toBe(
          `${route.method} ${route.path}: 401`,
        );
      }
    }
  });

  it('the OpenAPI document lists exactly these routes, each with the roles of the table', async () => {
    const doc = JSON.parse(
      (await api.call('reviewer', { method: 'GET', url: '/docs-json' })).body,
    ) as {
      paths: Record<string, Record<string, { 'x-roles'?: string[]; security?: unknown[] }>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const nestRoutes = ROUTES.filter(
      (r) => !r.path.startsWith('/docs') && !r.path.startsWith('/admin'),
    );
    expect(documented.sort()).toEqual(nestRoutes.map((r) => `${r.method} ${r.path}`).sort());
    for (const route of nestRoutes) {
      const op = doc.paths[route.path]![route.method.toLowerCase()]!;
      if (route.roles === null) {
        expect(op.security).toBeUndefined();
        expect(op['x-roles']).toBeUndefined();
      } else {
        expect(op['x-roles']?.sort()).toEqual([...route.roles].sort());
        expect(op.security).toEqual([{ bearer: [] }]);
      }
    }
  });
});
