import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog } from '@claimtrail/audit';
import { ApiKeyService } from '@claimtrail/ingest';
import {
  isAdminKey,
  parseCreatedKey,
  resolveAdminKey,
  saveKey,
} from '../../scripts/start/admin-key';
import { waitFor, waitForHttpOk } from '../../scripts/start/http';
import {
  ensureServices,
  isReachable,
  serviceEndpoint,
  servicesHelp,
} from '../../scripts/start/services';
import { StartError } from '../../scripts/start/start-error';
import { runStep } from '../../scripts/start/steps';
import { Supervisor, tail, type ChildExit } from '../../scripts/start/supervisor';
import { createTestDatabase } from '../support/database';

/**
 * The parts of `npm start` that can be tried without the whole stack: waiting for health,
 * the saved admin key, what it says when services are missing, and the process supervisor.
 */

const KEY = `ct_${'A'.repeat(16)}${'b_-9'.repeat(4)}`;

async function listen(handler: RequestListener): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return server;
}
const portOf = (s: Server) => (s.address() as AddressInfo).port;
const close = (s: Server) => new Promise((r) => s.close(r));

/** A port nothing listens on: bound by a server that is then closed. */
async function closedPort(): Promise<number> {
  const s = await listen(() => undefined);
  const port = portOf(s);
  await close(s);
  return port;
}

describe('waiting for /health', () => {
  it('times out against a closed port with an error naming the URL and the reason', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/health`;
    const started = Date.now();
    const failure = await waitForHttpOk(url, { timeoutMs: 600, intervalMs: 100 }).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(StartError);
    expect((failure as Error).message).toBe(
      `GET ${url} answering 200 did not happen within 0.6 s (last attempt: ECONNREFUSED)`,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('returns once the endpoint answers 200, after a few 503s', async () => {
    let calls = 0;
    const server = await listen((_req, res) => {
      calls += 1;
      res.statusCode = calls < 3 ? 503 : 200;
      res.end('{}');
    });
    try {
      const url = `http://127.0.0.1:${portOf(server)}/health`;
      await expect(waitForHttpOk(url, { timeoutMs: 5000, intervalMs: 20 })).resolves.toBe(true);
      expect(calls).toBe(3);
    } finally {
      await close(server);
    }
  });

  it('reports the last status when the endpoint keeps failing', async () => {
    const server = await listen((_req, res) => {
      res.statusCode = 503;
      res.end();
    });
    try {
      const url = `http://127.0.0.1:${portOf(server)}/health`;
      await expect(waitForHttpOk(url, { timeoutMs: 200, intervalMs: 20 })).rejects.toThrow(
        'did not happen within 0.2 s (last answer: 503)',
      );
    } finally {
      await close(server);
    }
  });

  it('stops waiting at once when a child dies (the abort signal)', async () => {
    const died = new AbortController();
    setTimeout(() => died.abort('the API exited (exit code 1)'), 50);
    const started = Date.now();
    await expect(
      waitFor('something', () => Promise.resolve(undefined), {
        timeoutMs: 10_000,
        intervalMs: 5_000,
        signal: died.signal,
      }),
    ).rejects.toThrow('stopped waiting for something: the API exited (exit code 1)');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('the admin key', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimtrail-start-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const works = () => Promise.resolve(true);

  it('is created once, saved with mode 600, and the same key is reused later', async () => {
    const file = join(dir, '.claimtrail', 'admin-key');
    const create = jest.fn(() => Promise.resolve(KEY));
    const first = await resolveAdminKey({ envKey: undefined, file, create, stillWorks: works });
    expect(first).toEqual({ key: KEY, origin: 'created' });
    expect(readFileSync(file, 'utf8')).toBe(`${KEY}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, '.claimtrail')).mode & 0o777).toBe(0o700);

    const stillWorks = jest.fn(works);
    const second = await resolveAdminKey({ envKey: undefined, file, create, stillWorks });
    expect(second).toEqual({ key: KEY, origin: 'file' });
    expect(stillWorks).toHaveBeenCalledWith(KEY);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('replaces a saved key that no longer works, keeping mode 600', async () => {
    const file = join(dir, 'admin-key');
    saveKey(file, 'ct_revoked_or_from_an_old_database');
    const got = await resolveAdminKey({
      envKey: undefined,
      file,
      create: () => Promise.resolve(KEY),
      stillWorks: (key) => Promise.resolve(key === KEY),
    });
    expect(got).toEqual({ key: KEY, origin: 'replaced' });
    expect(readFileSync(file, 'utf8')).toBe(`${KEY}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('tightens a saved key file that became readable by others', async () => {
    const file = join(dir, 'admin-key');
    writeFileSync(file, `${KEY}\n`);
    chmodSync(file, 0o644);
    const create = () => Promise.reject(new Error('must not be called'));
    const got = await resolveAdminKey({ envKey: undefined, file, create, stillWorks: works });
    expect(got.key).toBe(KEY);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('uses ADMIN_API_KEY when set and writes nothing', async () => {
    const file = join(dir, 'admin-key');
    const create = jest.fn(() => Promise.resolve(KEY));
    const envKey = 'from-the-environment-1234';
    const got = await resolveAdminKey({ envKey, file, create, stillWorks: works });
    expect(got).toEqual({ key: envKey, origin: 'env' });
    expect(create).not.toHaveBeenCalled();
    expect(existsSync(file)).toBe(false);
  });

  it('refuses an empty key file instead of printing an empty key', async () => {
    const file = join(dir, 'admin-key');
    writeFileSync(file, '\n');
    const create = () => Promise.resolve(KEY);
    await expect(
      resolveAdminKey({ envKey: undefined, file, create, stillWorks: works }),
    ).rejects.toThrow('is empty: delete it and start again');
  });

  it.each([
    ['a bare line', `${KEY}\n`],
    ['a sentence', `Created admin key "npm start" (id 1). Key: ${KEY} (shown once)\n`],
    ['JSON', JSON.stringify({ id: 'x', name: 'n', role: 'admin', key: KEY }, null, 2)],
  ])('is found in the CLI output as %s', (_label, output) => {
    expect(parseCreatedKey(output)).toBe(KEY);
  });

  it('is not invented from output without one', () => {
    expect(() => parseCreatedKey('created\nct_tooshort\n')).toThrow(
      'could not find the new API key',
    );
  });
});

describe('whether a saved admin key still works (real Postgres)', () => {
  it('is true for a live admin key only', async () => {
    const db = await createTestDatabase('start-script');
    try {
      const keys = new ApiKeyService(db.dataSource, new AuditLog());
      const admin = await keys.create('admin', 'admin', 'test');
      const reviewer = await keys.create('reviewer', 'reviewer', 'test');
      const revoked = await keys.create('old admin', 'admin', 'test');
      await keys.revoke(revoked.key.id, 'test');
      expect(await isAdminKey(db.url, admin.secret)).toBe(true);
      expect(await isAdminKey(db.url, reviewer.secret)).toBe(false);
      expect(await isAdminKey(db.url, revoked.secret)).toBe(false);
      // a key saved against a database that has since been replaced
      expect(await isAdminKey(db.url, KEY)).toBe(false);
    } finally {
      await db.drop();
    }
  });
});

describe('services', () => {
  it('knows which endpoints npm start may start itself', () => {
    expect(
      serviceEndpoint('PostgreSQL', 'DATABASE_URL', 'postgres://postgres@127.0.0.1/x', 5432),
    ).toEqual({
      name: 'PostgreSQL',
      envVar: 'DATABASE_URL',
      host: '127.0.0.1',
      port: 5432,
      manageable: true,
    });
    expect(serviceEndpoint('Redis', 'REDIS_URL', 'redis://[::1]:6379', 6379)).toMatchObject({
      host: '::1',
      manageable: true,
    });
    expect(serviceEndpoint('Redis', 'REDIS_URL', 'redis://localhost:6380', 6379)).toMatchObject({
      port: 6380,
      manageable: false,
    });
    expect(
      serviceEndpoint('PostgreSQL', 'DATABASE_URL', 'postgres://u:p@db.example/claimtrail', 5432),
    ).toMatchObject({ host: 'db.example', port: 5432, manageable: false });
  });

  it('tells whether a port accepts connections', async () => {
    const server = await listen(() => undefined);
    try {
      expect(await isReachable('127.0.0.1', portOf(server))).toBe(true);
    } finally {
      await close(server);
    }
    expect(await isReachable('127.0.0.1', await closedPort())).toBe(false);
  });

  const local = [
    serviceEndpoint('PostgreSQL', 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/c', 5432),
    serviceEndpoint('Redis', 'REDIS_URL', 'redis://127.0.0.1:6379', 6379),
  ];

  it('goes ahead when PostgreSQL and Redis answer (the ones the tests use)', async () => {
    const said: string[] = [];
    await ensureServices(local, process.cwd(), (l) => said.push(l));
    expect(said).toEqual(['PostgreSQL at 127.0.0.1:5432, Redis at 127.0.0.1:6379: up']);
  });

  it('explains, and starts nothing, when a non-default port does not answer', async () => {
    const port = await closedPort();
    const elsewhere = serviceEndpoint('Redis', 'REDIS_URL', `redis://127.0.0.1:${port}`, 6379);
    const said: string[] = [];
    const failure = ensureServices([elsewhere], process.cwd(), (l) => said.push(l), {
      platform: 'linux',
      isRoot: true,
      hasAptGet: true,
    });
    await expect(failure).rejects.toThrow(
      `Redis is not reachable at 127.0.0.1:${port} (REDIS_URL).\nStart Redis there, or change REDIS_URL`,
    );
    expect(said).toEqual([]);
  });

  it('says exactly what to do on Debian without root', () => {
    const help = servicesHelp(local, { platform: 'linux', isRoot: false, hasAptGet: true });
    expect(help).toContain('PostgreSQL is not reachable at 127.0.0.1:5432 (DATABASE_URL).');
    expect(help).toContain('Redis is not reachable at 127.0.0.1:6379 (REDIS_URL).');
    expect(help).toContain('sudo bash scripts/ensure-services.sh --install');
    expect(help).toContain('or set DATABASE_URL and REDIS_URL');
  });

  it('says what to do on macOS and elsewhere', () => {
    const mac = servicesHelp(local, { platform: 'darwin', isRoot: false, hasAptGet: false });
    expect(mac).toContain('brew install postgresql@15 redis');
    expect(mac).not.toContain('apt-get');
    const other = servicesHelp(local, { platform: 'win32', isRoot: false, hasAptGet: false });
    expect(other).toContain('install PostgreSQL 15+ and Redis 7+');
  });

  it('does not offer to install a server that DATABASE_URL puts on another machine', () => {
    const remote = serviceEndpoint('PostgreSQL', 'DATABASE_URL', 'postgres://db.example/c', 5432);
    const help = servicesHelp([remote], { platform: 'linux', isRoot: true, hasAptGet: true });
    expect(help).toContain('PostgreSQL is not reachable at db.example:5432 (DATABASE_URL).');
    expect(help).toContain('Start PostgreSQL there, or change DATABASE_URL');
    expect(help).not.toContain('ensure-services');
  });
});

describe('one-shot steps', () => {
  const node = (script: string) => [process.execPath, ['-e', script]] as const;

  it('hands back what a step printed', async () => {
    const [cmd, args] = node(`console.log('key: ${KEY}'); console.error('shown once')`);
    const out = await runStep('creating a key', cmd, [...args], {
      cwd: process.cwd(),
      env: process.env,
      capture: true,
    });
    expect(parseCreatedKey(out)).toBe(KEY);
    expect(out).not.toContain('shown once');
  });

  it('fails with the step, the exit code and what the step said', async () => {
    const [cmd, args] = node(`console.error('database is locked'); process.exit(3)`);
    const failure = runStep('migrate', cmd, [...args], {
      cwd: process.cwd(),
      env: process.env,
      capture: true,
    });
    await expect(failure).rejects.toThrow(StartError);
    await expect(failure).rejects.toThrow(
      /^migrate failed \(exit code 3\): .*\ndatabase is locked$/s,
    );
  });

  it('fails clearly when the command does not exist', async () => {
    await expect(
      runStep('build api', 'claimtrail-no-such-command', [], {
        cwd: process.cwd(),
        env: process.env,
      }),
    ).rejects.toThrow(
      'build api failed: could not run claimtrail-no-such-command (spawn claimtrail-no-such-command ENOENT)',
    );
  });
});

describe('the supervisor', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimtrail-supervisor-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A child that logs a line, then waits; on SIGTERM it logs again and exits 0. */
  const sleeper = (name: string) => ({
    name,
    command: process.execPath,
    args: [
      '-e',
      `console.log('${name} up'); process.on('SIGTERM', () => { console.log('${name} got SIGTERM'); process.exit(0); }); setInterval(() => {}, 1000);`,
    ],
    logFile: join(dir, `${name}.log`),
  });

  const untilLogged = (file: string, text: string) =>
    waitFor(
      `${text} in ${file}`,
      () =>
        Promise.resolve(
          existsSync(file) && readFileSync(file, 'utf8').includes(text) ? true : undefined,
        ),
      { timeoutMs: 10_000, intervalMs: 20 },
    );

  it('forwards a stop signal to every child and waits for them', async () => {
    const unexpected: ChildExit[] = [];
    const sup = new Supervisor(process.env, dir, (e) => unexpected.push(e));
    sup.start(sleeper('api'));
    sup.start(sleeper('worker'));
    await untilLogged(join(dir, 'api.log'), 'api up');
    await untilLogged(join(dir, 'worker.log'), 'worker up');

    const exits = await sup.stop('SIGTERM', 5000);
    expect(exits).toEqual([
      { name: 'api', code: 0, signal: null },
      { name: 'worker', code: 0, signal: null },
    ]);
    expect(tail(join(dir, 'api.log'))).toBe('api up\napi got SIGTERM');
    expect(unexpected).toEqual([]);
    expect(sup.running).toEqual([]);
  });

  it('reports a child that dies on its own and lets the other be stopped', async () => {
    const unexpected: ChildExit[] = [];
    const sup = new Supervisor(process.env, dir, (e) => unexpected.push(e));
    const api = sup.start(sleeper('api'));
    sup.start(sleeper('worker'));
    await untilLogged(join(dir, 'api.log'), 'api up');
    api.kill('SIGKILL');
    await waitFor('the exit', () => Promise.resolve(unexpected[0]), { timeoutMs: 5000 });
    expect(unexpected).toEqual([{ name: 'api', code: null, signal: 'SIGKILL' }]);
    expect(sup.failed.signal.aborted).toBe(true);
    expect(String(sup.failed.signal.reason)).toBe('the api exited (killed by SIGKILL)');
    expect(sup.running).toEqual(['worker']);
    await sup.stop('SIGTERM', 5000);
    expect(sup.running).toEqual([]);
  });

  it('kills a child that ignores the stop signal once the grace period is over', async () => {
    const sup = new Supervisor(process.env, dir, () => undefined);
    const stubborn = {
      ...sleeper('stubborn'),
      args: [
        '-e',
        `process.on('SIGTERM', () => console.log('ignored')); console.log('up'); setInterval(() => {}, 1000);`,
      ],
    };
    sup.start(stubborn);
    await untilLogged(stubborn.logFile, 'up');
    const exits = await sup.stop('SIGTERM', 300);
    expect(exits).toEqual([{ name: 'stubborn', code: null, signal: 'SIGKILL' }]);
    expect(readFileSync(stubborn.logFile, 'utf8')).toContain('ignored');
  });
});
