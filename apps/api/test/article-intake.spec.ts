import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LightMyRequestResponse } from 'fastify';
import { AuditLog } from '@claimtrail/audit';
import { loadConfig, type AppConfig } from '@claimtrail/config';
import { ApiKeyService, QueueGateway } from '@claimtrail/ingest';
import { createApiApp } from '../src/create-api-app';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { obliterateQueues, testQueuePrefix } from '../../../test/support/queues';
import { startApi, type ApiHarness } from './support/api-harness';
import { anyString } from './support/matchers';
import { TcpProxy } from './support/tcp-proxy';

const json = <T>(r: { body: string }) => JSON.parse(r.body) as T;

const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/**
 * Concurrent submissions are written together (group commit): each caller still gets its
 * own answer, a text is stored once however often it arrives, every new article has one
 * audit event, and a batch is stored whole or not at all.
 */
describe('POST /articles under concurrency', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi('api-article-intake');
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers 50 concurrent submissions one by one: 202 once per text, 200 for its repeats', async () => {
    const text = (i: number) => `Headline ${i}\nThe minister said on day ${i} that talks resumed.`;
    const earlier = await api.call('editor', {
      method: 'POST',
      url: '/articles',
      payload: { text: text(0), outlet: 'Gulf Wire' },
    });
    expect(earlier.statusCode).toBe(202);

    // 30 distinct articles: texts 0..24 from Gulf Wire (text 0 already stored) and texts
    // 0..4 from another outlet; each of texts 0..9 from Gulf Wire is sent three times
    const payloads = [
      ...Array.from({ length: 25 }, (_, i) => ({ text: text(i), outlet: 'Gulf Wire' })),
      ...Array.from({ length: 5 }, (_, i) => ({ text: text(i), outlet: 'Other Outlet' })),
      ...Array.from({ length: 20 }, (_, i) => ({ text: text(i % 10), outlet: 'Gulf Wire' })),
    ];
    const roles = ['editor', 'admin'] as const;
    const responses = await Promise.all(
      payloads.map((payload, i) =>
        api.call(roles[i % 2]!, { method: 'POST', url: '/articles', payload }),
      ),
    );

    const byArticle = new Map<string, { statuses: number[]; ids: Set<string> }>();
    responses.forEach((res, i) => {
      const key = `${payloads[i]!.outlet}|${payloads[i]!.text}`;
      const entry = byArticle.get(key) ?? { statuses: [], ids: new Set<string>() };
      entry.statuses.push(res.statusCode);
      entry.ids.add(json<{ id: string; status: string }>(res).id);
      expect(json(res)).toEqual({ id: anyString, status: 'queued' });
      byArticle.set(key, entry);
    });
    expect(byArticle.size).toBe(30);
    for (const [key, { statuses, ids }] of byArticle) {
      expect(ids.size).toBe(1);
      const created = statuses.filter((s) => s === 202).length;
      // the article stored before the burst is never created again
      expect({ key, created }).toEqual({ key, created: key === `Gulf Wire|${text(0)}` ? 0 : 1 });
      expect(statuses.every((s) => s === 202 || s === 200)).toBe(true);
    }
    expect([...byArticle.get(`Gulf Wire|${text(0)}`)!.ids]).toEqual([
      json<{ id: string }>(earlier).id,
    ]);

    const ids = [...byArticle.values()].map((e) => [...e.ids][0]!);
    const [count] = await api.db.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM articles',
    );
    expect(count?.n).toBe(30);
    const queues = api.app.get(QueueGateway);
    for (const id of ids) expect(await queues.extract.getJob(`extract-${id}`)).toBeTruthy();

    // one article.accepted per stored article, by the key that created it
    const audit = new AuditLog();
    const events = await audit.list(api.db.dataSource, { entityType: 'article' }, 0, 1000);
    expect(events.map((e) => e.action).every((a) => a === 'article.accepted')).toBe(true);
    expect(events.map((e) => e.entityId).sort()).toEqual([...ids].sort());
    const creator = new Map<string, string>();
    responses.forEach((res, i) => {
      if (res.statusCode === 202)
        creator.set(json<{ id: string }>(res).id, `key:${api.keyIds[roles[i % 2]!]}`);
    });
    for (const e of events.slice(1)) expect(e.actor).toBe(creator.get(e.entityId));
    // fewer transactions than articles: the events of one batch share its instant
    expect(new Set(events.slice(1).map((e) => e.at)).size).toBeLessThan(events.length - 1);
    expect((await audit.verify(api.db.dataSource)).ok).toBe(true);
  });
});

describe('POST /articles when Postgres fails in the middle of a batch', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let config: AppConfig;
  let editorKey: string;
  const pgProxy = new TcpProxy('127.0.0.1', 5432);

  const submit = (text: string) =>
    app.inject({
      method: 'POST',
      url: '/articles',
      headers: { authorization: `Bearer ${editorKey}` },
      payload: { text },
    });
  const healthy = async () => (await app.inject({ method: 'GET', url: '/health' })).statusCode;

  beforeAll(async () => {
    db = await createTestDatabase('api-article-intake-outage');
    await pgProxy.start();
    const pgUrl = new URL(db.url);
    pgUrl.port = String(pgProxy.port);
    config = {
      ...loadConfig({}),
      databaseUrl: pgUrl.toString(),
      queuePrefix: testQueuePrefix('api-article-intake-outage'),
      logLevel: 'silent',
    };
    app = await createApiApp(config, { logger: false });
    editorKey = (await app.get(ApiKeyService).create('editor', 'editor', 'system:test')).secret;
  });
  afterAll(async () => {
    if (app) await until('the API healthy again', async () => (await healthy()) === 200);
    await app?.close();
    await pgProxy.stop();
    await obliterateQueues(config.queuePrefix);
    await db?.drop();
  });

  it('answers 503 to every caller of the batch and stores none of it', async () => {
    const audit = new AuditLog();
    const eventsBefore = (await audit.verify(db.dataSource)).checked;
    // hold the audit chain's lock (through the test's own connection, not the proxy): the
    // batch inserts its articles, then waits for the lock inside its transaction
    const holder = db.dataSource.createQueryRunner();
    await holder.startTransaction();
    let responses: LightMyRequestResponse[];
    try {
      await audit.append(holder.manager, [
        { actor: 'system:test', action: 'test.hold', entityType: 'test', entityId: 'lock' },
      ]);
      const pending = Promise.all(
        Array.from({ length: 20 }, (_, i) => submit(`Headline\nThe mayor said ${i} times.`)),
      );
      // a batch that has written its articles (it holds a transaction id) and now waits
      await until('a batch waiting for the audit lock', async () => {
        const [row] = await db.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
           WHERE l.locktype = 'advisory' AND NOT l.granted AND a.backend_xid IS NOT NULL
             AND a.datname = current_database()`,
        );
        return (row?.n ?? 0) > 0;
      });
      await pgProxy.stop();
      responses = await pending;
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }

    expect(responses.map((r) => r.statusCode)).toEqual(Array<number>(20).fill(503));
    expect(json(responses[0]!)).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'the database is unavailable; try again shortly',
    });
    const [count] = await db.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM articles',
    );
    expect(count?.n).toBe(0);
    const verified = await audit.verify(db.dataSource);
    expect(verified).toMatchObject({ ok: true, checked: eventsBefore });

    await pgProxy.start();
    await until('Postgres back', async () => (await healthy()) === 200);
    const again = await submit('Headline\nThe mayor said 0 times.');
    expect(again.statusCode).toBe(202);
  });
});
