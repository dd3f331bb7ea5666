import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Redis } from 'ioredis';
import { AuditLog } from '@claimtrail/audit';
import { ApiKeyService, QueueGateway } from '@claimtrail/ingest';
import { createDataSource, MIGRATIONS } from '@claimtrail/persistence';
import { createRedis, jobIds } from '@claimtrail/queues';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { obliterateQueues, TEST_REDIS_URL, testQueuePrefix } from '../../../test/support/queues';
import { claimtrail as runCli, type Run } from './support/cli-process';

/**
 * The service commands as a user runs them (`npm run cli -- …`): a real process with its
 * configuration in the environment, against the real Postgres and Redis.
 */
const claimtrail = (args: string[], env: Record<string, string>) => runCli(args, env, 30_000);

/** A failure: one line on stderr, the given status, nothing on stdout. */
function expectOneLineError(run: Run, status: number, why: RegExp): void {
  expect(run.stdout).toBe('');
  expect(run.status).toBe(status);
  expect(run.stderr).toMatch(why);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
}

const ADMIN_URL = new URL('postgres://postgres@127.0.0.1:5432/postgres');

describe('claimtrail migrate', () => {
  const name = `claimtrail_test_migrate_${randomBytes(4).toString('hex')}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;

  afterAll(async () => {
    const admin = new Client({ connectionString: ADMIN_URL.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('creates a missing database, applies the migrations, and then has nothing to do', async () => {
    const first = await claimtrail(['migrate'], { DATABASE_URL: url.toString() });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(
      [
        `created database 127.0.0.1:5432/${name}`,
        ...MIGRATIONS.map((m) => `applied ${m.name}`),
        '',
      ].join('\n'),
    );
    const db = createDataSource(url.toString(), 1);
    await db.initialize();
    try {
      expect(await db.showMigrations()).toBe(false);
      const tables = await db.query<{ table_name: string }[]>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining(['articles', 'claims', 'sources', 'api_keys', 'audit_events']),
      );
    } finally {
      await db.destroy();
    }

    const again = await claimtrail(['migrate'], { DATABASE_URL: url.toString() });
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(`127.0.0.1:5432/${name} is up to date\n`);
  });

  it('says in one line when Postgres cannot be reached', async () => {
    const run = await claimtrail(['migrate'], {
      DATABASE_URL: 'postgres://postgres:hunter2secret@127.0.0.1:1/claimtrail',
    });
    expectOneLineError(run, 1, /^claimtrail: cannot reach Postgres at 127\.0\.0\.1:1\/postgres: /);
    expect(run.stderr).not.toContain('hunter2secret');
  });

  it('refuses an invalid configuration in one line', async () => {
    const run = await claimtrail(['migrate'], { DATABASE_URL: 'mysql://x', QUEUE_PREFIX: 'a:b' });
    expectOneLineError(
      run,
      1,
      /^claimtrail: invalid configuration: QUEUE_PREFIX .*; DATABASE_URL must start with /,
    );
  });
});

describe('claimtrail api-key create and ingest', () => {
  let db: TestDatabase;
  let prefix: string;
  let redis: Redis;
  let queues: QueueGateway;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase('cli-service-commands');
    prefix = testQueuePrefix('cli-commands');
    redis = createRedis(TEST_REDIS_URL);
    queues = new QueueGateway(redis, prefix);
    dir = mkdtempSync(join(tmpdir(), 'claimtrail-cli-'));
    env = { DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix };
  });

  afterAll(async () => {
    await queues?.close();
    redis?.disconnect();
    if (prefix) await obliterateQueues(prefix);
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints a new key once, and the key authenticates with its role', async () => {
    const run = await claimtrail(
      ['api-key', 'create', '--role', 'editor', '--name', 'desk bot'],
      env,
    );
    expect(run.status).toBe(0);
    const fields = Object.fromEntries(
      run.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.split(': ') as [string, string]),
    );
    expect(Object.keys(fields)).toEqual(['id', 'name', 'role', 'key']);
    expect(fields).toMatchObject({ name: 'desk bot', role: 'editor' });
    expect(run.stderr).toMatch(/not shown again/);

    const keys = new ApiKeyService(db.dataSource, new AuditLog());
    expect(await keys.authenticate(fields.key!)).toEqual({
      id: fields.id,
      name: 'desk bot',
      role: 'editor',
    });
    // only the hash is stored
    const stored = await db.dataSource.query<{ key_hash: string }[]>(
      'SELECT key_hash FROM api_keys WHERE id = $1',
      [fields.id],
    );
    expect(stored[0]!.key_hash).not.toContain(fields.key!);
    const events = await new AuditLog().list(db.dataSource, { entityType: 'api_key' }, 0, 10);
    expect(events.map((e) => [e.actor, e.action, e.entityId])).toEqual([
      ['cli', 'api_key.created', fields.id],
    ]);
  });

  it('refuses an unknown role or a missing name as usage errors', async () => {
    const role = await claimtrail(['api-key', 'create', '--role', 'owner', '--name', 'x'], env);
    expect(role.status).toBe(2);
    expect(role.stderr).toMatch(/--role.*admin, editor, reviewer, auditor/);
    const name = await claimtrail(['api-key', 'create', '--role', 'admin'], env);
    expect(name.status).toBe(2);
    expect(name.stderr).toContain('--name');
    expect((await new ApiKeyService(db.dataSource, new AuditLog()).list()).length).toBe(1);
  });

  it('ingests files: created once, existing after, each queued for extraction', async () => {
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    writeFileSync(
      a,
      'Ferry resumes\nA port official told Reuters the ferry would sail on Sunday.\n',
    );
    writeFileSync(b, 'عودة العبّارة\nقال مصدر في المرفأ إن العبّارة ستبحر مساء الأحد.\n');
    const run = await claimtrail(['ingest', a, b, a, '--outlet', 'Port News'], env);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const [first, second, third] = lines.map((l) => l.split(' '));
    expect(first).toEqual(['created', expect.any(String), a]);
    expect(second).toEqual(['created', expect.any(String), b]);
    expect(third).toEqual(['existing', first![1], a]);
    expect(second![1]).not.toBe(first![1]);

    const rows = await db.dataSource.query<
      { id: string; headline: string; outlet: string; status: string }[]
    >('SELECT id, headline, outlet, status FROM articles ORDER BY created_at');
    expect(rows).toEqual([
      { id: first![1], headline: 'Ferry resumes', outlet: 'Port News', status: 'queued' },
      { id: second![1], headline: 'عودة العبّارة', outlet: 'Port News', status: 'queued' },
    ]);
    for (const r of rows)
      expect((await queues.extract.getJob(jobIds.extract(r.id)))?.data).toEqual({
        articleId: r.id,
      });
    const events = await new AuditLog().list(db.dataSource, { entityType: 'article' }, 0, 10);
    expect(events.map((e) => [e.actor, e.action])).toEqual([
      ['cli', 'article.accepted'],
      ['cli', 'article.accepted'],
    ]);
  });

  it('reports a file it cannot take, ingests the rest, and exits 1', async () => {
    const good = join(dir, 'good.txt');
    const empty = join(dir, 'empty.txt');
    writeFileSync(good, 'Update\nThe ministry said the bridge would reopen on Monday.\n');
    writeFileSync(empty, '  \n');
    const missing = join(dir, 'missing.txt');
    const run = await claimtrail(['ingest', empty, good, missing, '--language', 'en'], env);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^created [0-9a-f-]{36} ${good}\\n$`));
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `claimtrail: ${empty} is empty: there is no text to extract`,
      `claimtrail: cannot read ${missing}: no such file`,
    ]);
    const tooLong = await claimtrail(['ingest', good], { ...env, MAX_ARTICLE_CHARS: '10' });
    expectOneLineError(
      tooLong,
      1,
      /is 60 bytes, over the limit of 10 characters \(MAX_ARTICLE_CHARS/,
    );
    const justOver = await claimtrail(['ingest', good], { ...env, MAX_ARTICLE_CHARS: '50' });
    expectOneLineError(justOver, 1, /has 60 characters, over the limit of 50 characters/);
  });

  it('refuses to run against an unreachable Redis or an unmigrated database', async () => {
    const file = join(dir, 'c.txt');
    writeFileSync(file, 'Headline\nOfficials said the road was closed.\n');
    const noRedis = await claimtrail(['ingest', file], {
      ...env,
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    expectOneLineError(noRedis, 1, /^claimtrail: cannot reach Redis at 127\.0\.0\.1:1: /);
    const noDb = await claimtrail(['ingest', file], {
      ...env,
      DATABASE_URL: `postgres://postgres@127.0.0.1:5432/claimtrail_test_absent_${randomBytes(3).toString('hex')}`,
    });
    expectOneLineError(noDb, 1, /does not exist \(run "npm run cli -- migrate" to create it\)/);
  });
});
