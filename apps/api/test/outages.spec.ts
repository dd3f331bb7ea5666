import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type AppConfig } from '@claimtrail/config';
import { ApiKeyService, QueueGateway } from '@claimtrail/ingest';
import { createApiApp } from '../src/create-api-app';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { obliterateQueues, TEST_REDIS_URL, testQueuePrefix } from '../../../test/support/queues';
import { TcpProxy } from './support/tcp-proxy';

const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/**
 * Postgres and Redis behind TCP proxies the test can cut: the API answers 503 in JSON while
 * Postgres is away, keeps accepting articles while Redis is away, says in /health which one
 * is down, and recovers when they return.
 */
describe('when Postgres or Redis is unreachable', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let config: AppConfig;
  let editorKey: string;
  let adminKey: string;
  const pgProxy = new TcpProxy('127.0.0.1', 5432);
  const redisProxy = new TcpProxy(
    new URL(TEST_REDIS_URL).hostname,
    Number(new URL(TEST_REDIS_URL).port || 6379),
  );

  const health = async () => {
    const res = await app.inject({ method: 'GET', url: '/health' });
    return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, unknown> };
  };
  const submit = (text: string) =>
    app.inject({
      method: 'POST',
      url: '/articles',
      headers: { authorization: `Bearer ${editorKey}` },
      payload: { text },
    });

  beforeAll(async () => {
    db = await createTestDatabase('api-outages');
    await pgProxy.start();
    await redisProxy.start();
    const pgUrl = new URL(db.url);
    pgUrl.port = String(pgProxy.port);
    config = {
      ...loadConfig({}),
      databaseUrl: pgUrl.toString(),
      redisUrl: `redis://127.0.0.1:${redisProxy.port}`,
      queuePrefix: testQueuePrefix('api-outages'),
      logLevel: 'silent',
    };
    app = await createApiApp(config, { logger: false });
    editorKey = (await app.get(ApiKeyService).create('editor', 'editor', 'system:test')).secret;
    adminKey = (await app.get(ApiKeyService).create('admin', 'admin', 'system:test')).secret;
  });
  afterAll(async () => {
    // let the connections the last test cut finish reconnecting: ioredis gives a connection
    // closed mid-reconnect two seconds to end, which would keep Jest waiting
    if (app) await until('the API healthy again', async () => (await health()).status === 200);
    await app?.close();
    await pgProxy.stop();
    await redisProxy.stop();
    await obliterateQueues(config.queuePrefix);
    await db.drop();
  });

  it('answers 503 in JSON while Postgres is away, and serves again when it is back', async () => {
    expect((await health()).status).toBe(200);
    const accepted = await submit('Headline\nThe ministry said the bridge would reopen.');
    expect(accepted.statusCode).toBe(202);

    const asAdmin = () =>
      app.inject({
        method: 'GET',
        url: '/audit/verify',
        headers: { authorization: `Bearer ${adminKey}` },
      });
    expect((await asAdmin()).statusCode).toBe(200);

    await pgProxy.stop();
    for (const request of [
      () => submit('Headline\nThe governor said the road was closed.'),
      () =>
        app.inject({
          method: 'GET',
          url: '/claims',
          headers: { authorization: `Bearer ${editorKey}` },
        }),
      // the key is cached: here the query itself fails, not the key lookup
      asAdmin,
      // a claim's first read, tried before Nest's pipeline: Nest answers with its error
      () =>
        app.inject({
          method: 'GET',
          url: '/claims/7e0b9d1c-27a8-4a8e-8f00-3f5f3d1b2c4e',
          headers: { authorization: `Bearer ${editorKey}` },
        }),
    ]) {
      const res = await request();
      expect(res.statusCode).toBe(503);
      expect(JSON.parse(res.body)).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'the database is unavailable; try again shortly',
      });
    }
    // an uncached key cannot be checked either: 503, not 401
    const unknown = await app.inject({
      method: 'GET',
      url: '/claims',
      headers: { authorization: 'Bearer ct_some-key-that-is-not-cached-0123' },
    });
    expect(unknown.statusCode).toBe(503);
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'unhealthy: postgres down',
      failing: ['postgres'],
      details: { postgres: { status: 'down' }, redis: { status: 'up' } },
    });

    await pgProxy.start();
    await until('Postgres back', async () => (await health()).status === 200);
    const after = await submit('Headline\nThe governor said the road was closed.');
    expect(after.statusCode).toBe(202);
    const rows = await db.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM articles',
    );
    expect(rows[0]?.n).toBe(2);
  });

  it('accepts articles while Redis is away, and says so in /health; they wait in Postgres', async () => {
    await redisProxy.stop();
    const started = Date.now();
    const res = await submit('Headline\nThe mayor said the market would open on Friday.');
    // fails fast: the enqueue is refused at once instead of holding the request
    expect(res.statusCode).toBe(202);
    expect(Date.now() - started).toBeLessThan(2_000);
    const { id } = JSON.parse(res.body) as { id: string };
    const stored = await db.dataSource.query<{ status: string }[]>(
      'SELECT status FROM articles WHERE id = $1',
      [id],
    );
    expect(stored[0]?.status).toBe('queued');

    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ message: 'unhealthy: redis down', failing: ['redis'] });
    // the metrics still answer; the queue gauges are left out of a scrape that cannot read them
    const metrics = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${adminKey}` },
    });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('http_request_duration_seconds');
    expect(metrics.body).not.toContain('claimtrail_queue_depth{');

    await redisProxy.start();
    await until('Redis back', async () => (await health()).status === 200);
    // not on the queue yet: the worker's reconciler puts it there (Postgres says "queued")
    const queues = app.get(QueueGateway);
    expect(await queues.extract.getJob(`extract-${id}`)).toBeUndefined();
    const next = await submit('Headline\nThe mayor said the fair would open on Sunday.');
    expect(next.statusCode).toBe(202);
    const nextId = (JSON.parse(next.body) as { id: string }).id;
    expect(await queues.extract.getJob(`extract-${nextId}`)).toBeTruthy();
  });

  it('starts while Redis is away, accepts articles at once, and queues again once Redis is up', async () => {
    await redisProxy.stop();
    const started = Date.now();
    const second = await createApiApp(config, { logger: false });
    try {
      expect(Date.now() - started).toBeLessThan(5_000);
      const t0 = Date.now();
      const res = await second.inject({
        method: 'POST',
        url: '/articles',
        headers: { authorization: `Bearer ${editorKey}` },
        payload: { text: 'Headline\nThe port authority said ships were waiting.' },
      });
      expect(res.statusCode).toBe(202);
      expect(Date.now() - t0).toBeLessThan(1_000);
      const healthRes = await second.inject({ method: 'GET', url: '/health' });
      expect(healthRes.statusCode).toBe(503);

      await redisProxy.start();
      await until('Redis back for the second app', async () => {
        const r = await second.inject({ method: 'GET', url: '/health' });
        return r.statusCode === 200;
      });
      const next = await second.inject({
        method: 'POST',
        url: '/articles',
        headers: { authorization: `Bearer ${editorKey}` },
        payload: { text: 'Headline\nThe port authority said the ships had left.' },
      });
      expect(next.statusCode).toBe(202);
      const { id } = JSON.parse(next.body) as { id: string };
      expect(await second.get(QueueGateway).extract.getJob(`extract-${id}`)).toBeTruthy();
    } finally {
      await second.close();
    }
  });
});
