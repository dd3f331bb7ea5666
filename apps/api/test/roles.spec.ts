import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog } from '@claimtrail/audit';
import { exportFileName, ExportRecords, writeExport } from '@claimtrail/export';
import { ApiKeyService, ExtractionService } from '@claimtrail/ingest';
import type { Role } from '@claimtrail/persistence';
import { startApi, type ApiHarness } from './support/api-harness';
import { anyString } from './support/matchers';
import { ReviewKit } from './support/review-kit';

type Caller = Role | null;
const EVERY_ROLE: Role[] = ['admin', 'editor', 'reviewer', 'auditor'];

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The path as OpenAPI writes it. */
  path: string;
  /** Who may, per the contract's role table (shared/contracts/api.md); null: no key needed. */
  roles: Role[] | null;
  ok: number;
  url: (api: ApiHarness) => Promise<string> | string;
  payload?: () => object;
}

const ids = { article: '', claim: '', source: '', assignee: '', export: '' };
let n = 0;

/** The lease the review routes act on: a fresh one for every call, taken by an admin. */
let lease = { claimId: '', token: '' };
const underLease = (action: string) => async (api: ApiHarness) => {
  const res = await api.call('admin', { method: 'POST', url: '/review/lease', payload: {} });
  const body = JSON.parse(res.body) as { claim: { id: string }; lease: { token: string } };
  lease = { claimId: body.claim.id, token: body.lease.token };
  return `/review/${lease.claimId}/${action}`;
};

/** A claim to send back for re-verification: judged now, under a lease taken by an admin. */
const reviewedClaim = async (api: ApiHarness) => {
  const url = await underLease('verdict')(api);
  await api.call('admin', {
    method: 'POST',
    url,
    payload: { token: lease.token, attribution: 'confirmed', veracity: 'true' },
  });
  return `/claims/${lease.claimId}/reverify`;
};

/** The claim's version when a correction is sent, so that only the role decides the answer. */
let claimVersion = 0;
/** The source a merge goes into: two fresh sources for every call. */
let mergeInto = '';
const freshSources = async (api: ApiHarness) => {
  const rows = await api.db.dataSource.query<{ id: string }[]>(
    `INSERT INTO sources (registry_key, name, kind)
     SELECT 'person|merge ' || k, 'Merge ' || k, 'person' FROM unnest($1::text[]) AS k RETURNING id`,
    [[randomUUID(), randomUUID()]],
  );
  mergeInto = rows[1]!.id;
  return `/sources/${rows[0]!.id}/merge`;
};

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
    method: 'POST',
    path: '/review/lease',
    roles: ['admin', 'editor', 'reviewer'],
    // a desk nobody has: the answer is the same for every call
    ok: 204,
    url: () => '/review/lease',
    payload: () => ({ desk: 'no such desk' }),
  },
  {
    method: 'POST',
    path: '/review/{claimId}/heartbeat',
    roles: ['admin', 'editor', 'reviewer'],
    ok: 200,
    url: underLease('heartbeat'),
    payload: () => ({ token: lease.token }),
  },
  {
    method: 'POST',
    path: '/review/{claimId}/release',
    roles: ['admin', 'editor', 'reviewer'],
    ok: 204,
    url: underLease('release'),
    payload: () => ({ token: lease.token }),
  },
  {
    method: 'POST',
    path: '/review/{claimId}/verdict',
    roles: ['admin', 'editor', 'reviewer'],
    ok: 200,
    url: underLease('verdict'),
    payload: () => ({ token: lease.token, attribution: 'confirmed', veracity: 'true' }),
  },
  { method: 'GET', path: '/review/stats', roles: EVERY_ROLE, ok: 200, url: () => '/review/stats' },
  {
    method: 'POST',
    path: '/claims/{id}/assign',
    roles: ['admin', 'editor'],
    ok: 200,
    url: () => `/claims/${ids.claim}/assign`,
    // to a reviewer who never leases here, so the claim stays out of everyone's way
    payload: () => ({ apiKeyId: ids.assignee }),
  },
  {
    method: 'POST',
    path: '/claims/{id}/reverify',
    roles: ['admin', 'editor'],
    ok: 202,
    url: reviewedClaim,
  },
  {
    method: 'GET',
    path: '/review/reverification',
    roles: EVERY_ROLE,
    ok: 200,
    url: () => '/review/reverification',
  },
  {
    method: 'PATCH',
    path: '/claims/{id}',
    roles: ['admin', 'editor'],
    ok: 200,
    url: async (api) => {
      const [claim] = await api.db.dataSource.query<{ version: number }[]>(
        'SELECT version FROM claims WHERE id = $1',
        [ids.claim],
      );
      claimVersion = claim!.version;
      return `/claims/${ids.claim}`;
    },
    payload: () => ({ version: claimVersion, type: 'indirect' }),
  },
  {
    method: 'POST',
    path: '/sources/{id}/merge',
    roles: ['admin', 'editor'],
    ok: 200,
    url: freshSources,
    payload: () => ({ intoId: mergeInto }),
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
    path: '/exports',
    roles: ['admin', 'auditor'],
    ok: 202,
    url: () => '/exports',
    payload: () => ({ kind: 'audit-jsonl' }),
  },
  { method: 'GET', path: '/exports', roles: ['admin', 'auditor'], ok: 200, url: () => '/exports' },
  {
    method: 'GET',
    path: '/exports/{id}',
    roles: ['admin', 'auditor'],
    ok: 200,
    url: () => `/exports/${ids.export}`,
  },
  {
    method: 'GET',
    path: '/exports/{id}/download',
    roles: ['admin', 'auditor'],
    ok: 200,
    url: () => `/exports/${ids.export}/download`,
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
  let kit: ReviewKit;
  let exportDir: string;

  /** A finished export to read and download, written as the worker writes one. */
  async function doneExport(): Promise<string> {
    const records = new ExportRecords(api.db.dataSource, new AuditLog());
    const { id } = await records.request(api.keyIds.auditor, 'system:test', 'audit-jsonl', {});
    const task = (await records.start(id))!;
    const file = exportFileName(id, task.kind);
    const outcome = await writeExport(api.db.url, task, join(exportDir, file), {
      publisher: api.config,
    });
    await records.complete(id, outcome, file);
    return id;
  }

  beforeAll(async () => {
    exportDir = mkdtempSync(join(tmpdir(), 'claimtrail-roles-'));
    api = await startApi('api-roles', { exportDir });
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
    ids.assignee = (
      await api.app.get(ApiKeyService).create('assignee', 'reviewer', 'system:test')
    ).key.id;
    ids.export = await doneExport();
    // claims on the review queue for the lease-bound routes (each call takes one)
    kit = new ReviewKit(api);
    await kit.ingest(kit.englishArticle(40));
  });
  afterAll(async () => {
    await kit?.close();
    await api?.close();
    if (exportDir) rmSync(exportDir, { recursive: true, force: true });
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
