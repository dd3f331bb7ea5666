import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { pino } from 'pino';
import { loadConfig } from '@claimtrail/config';
import { ApiKeyService } from '@claimtrail/ingest';
import { createApiApp } from '../src/create-api-app';
import { apiLogDestination, LOG_FLUSH_MS } from '../src/http/api-logger';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { obliterateQueues, testQueuePrefix } from '../../../test/support/queues';

/**
 * The API logs JSON lines with the request id and never a key or a body. (nestjs-pino keeps
 * one application logger per process, so this file builds the only app of its Jest worker.)
 */
describe('logs', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  const prefix = testQueuePrefix('api-logging');
  const lines: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('api-logging');
    app = await createApiApp(
      { ...loadConfig({}), databaseUrl: db.url, queuePrefix: prefix, logLevel: 'info' },
      { logStream: { write: (line: string) => void lines.push(line) } },
    );
  });
  afterAll(async () => {
    await app?.close();
    await obliterateQueues(prefix);
    await db?.drop();
  });

  it('writes one JSON line per request with its id, and never the key', async () => {
    const { secret } = await app.get(ApiKeyService).create('editor', 'editor', 'system:test');
    const text = 'Headline\nThe secret source said the confidential plan was ready.';
    const res = await app.inject({
      method: 'POST',
      url: '/articles',
      headers: { authorization: `Bearer ${secret}`, 'x-request-id': 'req-logging-1' },
      payload: { text },
    });
    expect(res.statusCode).toBe(202);
    await app.inject({
      method: 'GET',
      url: '/claims',
      headers: { authorization: 'Bearer wrong-key-0123456789' },
    });

    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const requestLog = records.find(
      (r) => (r.req as { id?: string } | undefined)?.id === 'req-logging-1',
    ) as { req: { headers: Record<string, string> }; res: { statusCode: number }; msg: string };
    expect(requestLog).toMatchObject({ msg: 'request completed', res: { statusCode: 202 } });
    // one line per request, on completion
    expect(
      records.filter((r) => (r.req as { id?: string } | undefined)?.id === 'req-logging-1'),
    ).toHaveLength(1);
    expect(requestLog).toMatchObject({ reqId: 'req-logging-1' });
    expect(typeof (requestLog as unknown as { responseTime: unknown }).responseTime).toBe('number');
    // the headers that say who called, never a credential
    expect(Object.keys(requestLog.req.headers).sort()).toEqual([
      'content-length',
      'content-type',
      'user-agent',
    ]);
    const everything = lines.join('\n');
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain('wrong-key-0123456789');
    expect(everything).not.toContain('confidential plan');
    const refused = records.find(
      (r) => (r.res as { statusCode?: number } | undefined)?.statusCode === 401,
    ) as {
      req: { id: string };
    };
    expect(refused.req.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

/** The API's own destination writes lines in blocks, and never holds one for long. */
describe('apiLogDestination', () => {
  it('writes a burst in blocks, and what is left within LOG_FLUSH_MS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimtrail-log-'));
    const path = join(dir, 'api.log');
    const stream = apiLogDestination(path);
    const lines = () => readFileSync(path, 'utf8').split('\n').filter(Boolean);
    try {
      const logger = pino({ level: 'info' }, stream);
      // about 17 KB: whole blocks are written at once, the last part waits for the timer
      for (let n = 1; n <= 100; n++) logger.info({ n, pad: 'x'.repeat(100) }, 'burst');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(lines().length).toBeGreaterThan(0);
      expect(lines().length).toBeLessThan(100);
      const deadline = Date.now() + LOG_FLUSH_MS * 3;
      while (lines().length < 100 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(lines()).toHaveLength(100);
    } finally {
      stream.end();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
