import { QueueGateway } from '@claimtrail/ingest';
import { QUEUES } from '@claimtrail/queues';
import { startApi, type ApiHarness } from './support/api-harness';
import { anyString, matching } from './support/matchers';

/**
 * The queues operators watch, on the dashboard and in the depth metrics: every queue of the
 * catalogue but the reconciler's maintenance queue, so that a queue added to the catalogue
 * is not forgotten here.
 */
const MONITORED = Object.values(QUEUES)
  .filter((name) => name !== QUEUES.maintenance)
  .sort();

const basic = (password: string, user = 'anyone') =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        security?: Record<string, unknown>[];
        requestBody?: { content: Record<string, { schema: { $ref: string } }> };
        responses: Record<string, unknown>;
        parameters?: { name: string; in: string }[];
      }
    >
  >;
  components: {
    securitySchemes: Record<string, { type: string; scheme: string }>;
    schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }>;
  };
}

/** Health, metrics, the OpenAPI document, the queue dashboard, the audit log and API keys. */
describe('operations', () => {
  let api: ApiHarness;
  const json = <T>(r: { body: string }) => JSON.parse(r.body) as T;

  beforeAll(async () => {
    api = await startApi('api-operations');
  });
  afterAll(async () => {
    await api?.close();
  });

  it('GET /health is 200 with Postgres and Redis up, without a key', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({
      status: 'ok',
      info: { postgres: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it("every answer carries a request id: the caller's when sane, a new one otherwise", async () => {
    const own = await api.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'desk-42.a' },
    });
    expect(own.headers['x-request-id']).toBe('desk-42.a');
    const forged = await api.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'x"\n{"level":60}' },
    });
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const none = await api.call(null, { method: 'GET', url: '/claims' });
    expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  describe('/docs-json describes the contract', () => {
    let doc: OpenApi;
    beforeAll(async () => {
      const res = await api.call('auditor', { method: 'GET', url: '/docs-json' });
      expect(res.statusCode).toBe(200);
      doc = json<OpenApi>(res);
    });

    it('lists every route with its method', () => {
      const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      );
      expect(routes.sort()).toEqual(
        [
          'POST /articles',
          'GET /articles/{id}',
          'GET /claims',
          'GET /claims/{id}',
          'GET /sources',
          'GET /sources/{id}',
          'GET /audit',
          'GET /audit/verify',
          'POST /api-keys',
          'GET /api-keys',
          'DELETE /api-keys/{id}',
          'GET /health',
          'GET /metrics',
          'POST /review/lease',
          'POST /review/{claimId}/heartbeat',
          'POST /review/{claimId}/release',
          'POST /review/{claimId}/verdict',
          'GET /review/stats',
          'POST /claims/{id}/assign',
          'PATCH /claims/{id}',
          'POST /sources/{id}/merge',
          'POST /claims/{id}/reverify',
          'GET /review/reverification',
          'POST /exports',
          'GET /exports',
          'GET /exports/{id}',
          'GET /exports/{id}/download',
        ].sort(),
      );
    });

    it('declares bearer auth on every route but /health, and its 401 and 403', () => {
      expect(doc.components.securitySchemes.bearer).toMatchObject({
        type: 'http',
        scheme: 'bearer',
      });
      for (const [path, ops] of Object.entries(doc.paths))
        for (const [method, op] of Object.entries(ops)) {
          if (path === '/health') {
            expect(op.security).toBeUndefined();
            expect(Object.keys(op.responses).sort()).toEqual(['200', '503']);
            continue;
          }
          expect({ route: `${method} ${path}`, security: op.security }).toEqual({
            route: `${method} ${path}`,
            security: [{ bearer: [] }],
          });
          expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
        }
    });

    it('documents bodies, success and error statuses and the list parameters', () => {
      const submit = doc.paths['/articles']!.post!;
      expect(submit.requestBody?.content['application/json']?.schema.$ref).toBe(
        '#/components/schemas/SubmitArticleDto',
      );
      expect(Object.keys(submit.responses).sort()).toEqual(
        ['200', '202', '400', '401', '403', '413', '415', '503'].sort(),
      );
      expect(doc.components.schemas.SubmitArticleDto!.required).toEqual(['text']);
      expect(Object.keys(doc.components.schemas.SubmitArticleDto!.properties).sort()).toEqual(
        ['headline', 'language', 'outlet', 'publishedAt', 'text', 'url'].sort(),
      );
      expect(Object.keys(doc.paths['/api-keys']!.post!.responses)).toContain('201');
      expect(Object.keys(doc.paths['/api-keys/{id}']!.delete!.responses)).toEqual(
        expect.arrayContaining(['204', '400', '404']),
      );
      for (const path of ['/articles/{id}', '/claims/{id}', '/sources/{id}'])
        expect(Object.keys(doc.paths[path]!.get!.responses)).toEqual(
          expect.arrayContaining(['200', '400', '404']),
        );
      const params = (path: string) => doc.paths[path]!.get!.parameters!.map((p) => p.name).sort();
      expect(params('/claims')).toEqual(
        [
          'articleId',
          'attribution',
          'cursor',
          'language',
          'limit',
          'q',
          'sourceId',
          'status',
          'veracity',
        ].sort(),
      );
      expect(params('/sources')).toEqual(['cursor', 'kind', 'limit', 'q', 'sort']);
      expect(params('/audit')).toEqual(
        ['actor', 'cursor', 'entityId', 'entityType', 'from', 'limit', 'to'].sort(),
      );
      expect(Object.keys(doc.components.schemas.ClaimDetailDto!.properties)).toEqual(
        expect.arrayContaining(['sources', 'via', 'history', 'similar', 'checkworthiness']),
      );
      expect(Object.keys(doc.components.schemas.ErrorDto!.properties).sort()).toEqual([
        'error',
        'message',
        'statusCode',
      ]);
    });

    it('the UI at /docs opens in a browser with HTTP Basic (the key as password)', async () => {
      const res = await api.app.inject({
        method: 'GET',
        url: '/docs',
        headers: { authorization: basic(api.keys.reviewer) },
      });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('swagger-ui');
      const refused = await api.app.inject({ method: 'GET', url: '/docs' });
      expect(refused.statusCode).toBe(401);
      expect(refused.headers['www-authenticate']).toMatch(/^Basic realm=/);
    });
  });

  describe('/metrics', () => {
    it('has the request histogram by route and the depth of every queue, read at scrape time', async () => {
      const queues = api.app.get(QueueGateway);
      await api.call('reviewer', { method: 'GET', url: '/claims?limit=1' });
      const posted = await api.call('editor', {
        method: 'POST',
        url: '/articles',
        payload: { text: 'Headline\nUS officials said the talks would resume.' },
      });
      expect(posted.statusCode).toBe(202);
      const res = await api.call('admin', { method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = res.body;
      expect(text).toContain('# TYPE http_request_duration_seconds histogram');
      expect(text).toMatch(
        /http_request_duration_seconds_count\{route="\/claims",method="GET",status="200"\} 1\n/,
      );
      expect(text).toMatch(
        /http_request_duration_seconds_bucket\{le="\+Inf",route="\/articles",method="POST",status="202"\} 1\n/,
      );
      expect(text).toContain('# TYPE claimtrail_queue_depth gauge');
      expect(text).toContain('claimtrail_queue_depth{queue="extract"} 1\n');
      expect(text).toContain('claimtrail_queue_depth{queue="review"} 0\n');
      expect(text).toContain('claimtrail_queue_depth{queue="reverify"} 0\n');
      expect(text).toContain('claimtrail_queue_depth{queue="export"} 0\n');
      expect(text).toContain('claimtrail_queue_jobs{queue="extract",state="waiting"} 1\n');
      const labelled = (metric: string) =>
        [...text.matchAll(new RegExp(`^${metric}\\{queue="([a-z]+)"`, 'gm'))].map((m) => m[1]);
      expect(labelled('claimtrail_queue_depth').sort()).toEqual(MONITORED);
      expect([...new Set(labelled('claimtrail_queue_jobs'))].sort()).toEqual(MONITORED);
      for (const queue of MONITORED)
        for (const state of ['waiting', 'prioritized', 'delayed', 'active', 'failed'])
          expect(text).toContain(`claimtrail_queue_jobs{queue="${queue}",state="${state}"} `);
      expect(text).toContain('process_cpu_user_seconds_total');
      expect(text).toContain('nodejs_eventloop_lag_seconds');

      // the depth is read from Redis on every scrape, not remembered
      await queues.enqueueReview([
        { id: '0d7c4f0e-5b8e-4d61-9a43-3f0f7f6f8a11', articleId: 'a', checkworthiness: 0.5 },
      ]);
      const again = (await api.call('admin', { method: 'GET', url: '/metrics' })).body;
      expect(again).toContain('claimtrail_queue_depth{queue="review"} 1\n');
      expect(again).toContain('claimtrail_queue_jobs{queue="review",state="prioritized"} 1\n');
      // an export asked for is a job on the export queue (no worker runs here to take it)
      const exported = await api.call('auditor', {
        method: 'POST',
        url: '/exports',
        payload: { kind: 'audit-csv' },
      });
      expect(exported.statusCode).toBe(202);
      const third = (await api.call('admin', { method: 'GET', url: '/metrics' })).body;
      expect(third).toContain('claimtrail_queue_depth{queue="export"} 1\n');
      expect(third).toContain('claimtrail_queue_jobs{queue="export",state="waiting"} 1\n');
    });
  });

  describe('/admin/queues, the BullMQ dashboard', () => {
    it('opens for an admin key as a Basic password or a Bearer header, and for nobody else', async () => {
      const asBasic = await api.app.inject({
        method: 'GET',
        url: '/admin/queues',
        headers: { authorization: basic(api.keys.admin, 'admin') },
      });
      expect(asBasic.statusCode).toBe(200);
      expect(asBasic.body).toContain('<base href="/admin/queues/"');
      const data = await api.call('admin', { method: 'GET', url: '/admin/queues/api/queues' });
      expect(data.statusCode).toBe(200);
      expect(
        json<{ queues: { name: string }[] }>(data)
          .queues.map((q) => q.name)
          .sort(),
      ).toEqual(MONITORED);
      expect(MONITORED).toEqual(['export', 'extract', 'reverify', 'review']);
      for (const [authorization, status] of [
        [undefined, 401],
        [basic('ct_not-a-key-0123456789abcdef'), 401],
        [basic(api.keys.editor), 403],
        [`Bearer ${api.keys.auditor}`, 403],
      ] as const) {
        for (const url of ['/admin/queues', '/admin/queues/api/queues']) {
          const res = await api.app.inject({
            method: 'GET',
            url,
            headers: authorization ? { authorization } : {},
          });
          expect(`${url} ${res.statusCode}`).toBe(`${url} ${status}`);
          expect(json<{ statusCode: number }>(res).statusCode).toBe(status);
        }
      }
    });
  });

  describe('API keys', () => {
    it('creates a key shown once, lists keys without secrets, revokes, and pages the list', async () => {
      const created = await api.call('admin', {
        method: 'POST',
        url: '/api-keys',
        payload: { name: 'night desk', role: 'editor' },
      });
      expect(created.statusCode).toBe(201);
      const key = json<{ id: string; name: string; role: string; key: string }>(created);
      expect(key).toEqual({
        id: anyString,
        name: 'night desk',
        role: 'editor',
        key: matching(/^ct_/),
      });
      const works = await api.app.inject({
        method: 'POST',
        url: '/articles',
        headers: { authorization: `Bearer ${key.key}` },
        payload: { text: 'Headline\nThe night desk said it works.' },
      });
      expect(works.statusCode).toBe(202);

      const list = await api.call('admin', { method: 'GET', url: '/api-keys' });
      expect(list.body).not.toContain(key.key);
      const page = json<{ items: { id: string; prefix: string }[]; nextCursor: string | null }>(
        list,
      );
      expect(page.nextCursor).toBeNull();
      expect(page.items).toHaveLength(5);
      expect(page.items.find((k) => k.id === key.id)).toMatchObject({
        name: 'night desk',
        role: 'editor',
        prefix: key.key.slice(0, 8),
        revokedAt: null,
      });
      const stored = await api.db.dataSource.query<{ key_hash: string }[]>(
        'SELECT key_hash FROM api_keys WHERE id = $1',
        [key.id],
      );
      expect(stored[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored[0]?.key_hash).not.toContain(key.key);

      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { items: { id: string }[]; nextCursor: string | null } = json(
          await api.call('admin', {
            method: 'GET',
            url: `/api-keys?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          }),
        );
        ids.push(...res.items.map((k) => k.id));
        cursor = res.nextCursor;
      } while (cursor && ids.length < 20);
      expect(ids).toEqual(page.items.map((k) => k.id));

      expect(
        (await api.call('admin', { method: 'DELETE', url: `/api-keys/${key.id}` })).statusCode,
      ).toBe(204);
    });
  });

  describe('the audit log', () => {
    it('records each change with its actor, filters, pages, and verifies', async () => {
      const all = json<{
        items: { seq: number; action: string; actor: string; at: string }[];
        nextCursor: null;
      }>(await api.call('auditor', { method: 'GET', url: '/audit?limit=200' }));
      expect(all.items.map((e) => e.seq)).toEqual(all.items.map((_, i) => i + 1));
      expect(all.items.map((e) => e.action)).toEqual(
        expect.arrayContaining(['api_key.created', 'article.accepted', 'api_key.revoked']),
      );
      const revoked = all.items.find((e) => e.action === 'api_key.revoked');
      expect(revoked?.actor).toBe(`key:${api.keyIds.admin}`);

      const byEditor = json<{ items: { actor: string; action: string }[] }>(
        await api.call('admin', {
          method: 'GET',
          url: `/audit?actor=${encodeURIComponent(`key:${api.keyIds.editor}`)}`,
        }),
      ).items;
      expect(byEditor.length).toBeGreaterThan(0);
      expect(byEditor.every((e) => e.action === 'article.accepted')).toBe(true);

      const first = all.items[0]!;
      const window = json<{ items: { seq: number }[] }>(
        await api.call('auditor', {
          method: 'GET',
          url: `/audit?from=${encodeURIComponent(first.at)}&to=${encodeURIComponent('2999-01-01T00:00:00Z')}&entityType=api_key&limit=200`,
        }),
      ).items;
      expect(window.length).toBe(all.items.filter((e) => e.action.startsWith('api_key.')).length);
      const none = json<{ items: unknown[] }>(
        await api.call('auditor', { method: 'GET', url: '/audit?to=2000-01-01' }),
      ).items;
      expect(none).toEqual([]);

      const seqs: number[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { seq: number }[]; nextCursor: string | null } = json(
          await api.call('auditor', {
            method: 'GET',
            url: `/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
          }),
        );
        seqs.push(...page.items.map((e) => e.seq));
        cursor = page.nextCursor;
      } while (cursor && seqs.length < 500);
      expect(seqs).toEqual(all.items.map((e) => e.seq));

      const verify = json<{ ok: boolean; checked: number; headSeq: number; headHash: string }>(
        await api.call('auditor', { method: 'GET', url: '/audit/verify' }),
      );
      expect(verify).toEqual({
        ok: true,
        checked: all.items.length,
        headSeq: all.items.length,
        headHash: matching(/^[0-9a-f]{64}$/),
      });
    });

    it('names the first altered event', async () => {
      // a superuser disables the append-only trigger and rewrites history behind the API's back
      await api.db.dataSource.transaction(async (tx) => {
        await tx.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
        await tx.query(`UPDATE audit_events SET actor = 'key:someone-else' WHERE seq = 3`);
        await tx.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
      });
      const verify = json<{ ok: boolean; firstBadSeq: number; checked: number }>(
        await api.call('admin', { method: 'GET', url: '/audit/verify' }),
      );
      expect(verify).toMatchObject({ ok: false, firstBadSeq: 3, checked: 2 });
    });
  });
});
