/**
 * `npm start`: everything a fresh clone needs to run claimtrail on one machine. Makes sure
 * PostgreSQL and Redis are up, creates and migrates the database, builds and starts the API
 * and the worker, prints the URL and the admin key, ingests a sample article and stays in
 * the foreground until Ctrl-C (or until the API or the worker dies).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  ConfigError,
  loadConfig,
  SERVICE_NODE_FLAGS,
  type AppConfig,
  type ServiceRole,
} from '@claimtrail/config';
import { isAdminKey, parseCreatedKey, resolveAdminKey, type AdminKey } from './start/admin-key';
import { apiRequest, waitFor, waitForHttpOk } from './start/http';
import { serviceEndpoint, ensureServices, isReachable } from './start/services';
import { StartError } from './start/start-error';
import { runStep, signalSteps } from './start/steps';
import { describeExit, Supervisor, tail, type ChildExit } from './start/supervisor';

const ROOT = resolve(__dirname, '..');
const STATE_DIR = join(ROOT, '.claimtrail');
const ADMIN_KEY_FILE = join(STATE_DIR, 'admin-key');
const LOG_DIR = join(STATE_DIR, 'logs');
const SAMPLE_ARTICLE = join(ROOT, 'test/fixtures/dev-set/articles/ar-03-iraq-iran-gas-waiver.txt');
/** The processes started, by name (their log file's), with the role their Node flags are for. */
const PROCESSES: { name: string; role: ServiceRole; entry: string }[] = [
  { name: 'API', role: 'api', entry: join(ROOT, 'dist/apps/api/apps/api/src/main.js') },
  { name: 'worker', role: 'worker', entry: join(ROOT, 'dist/apps/worker/apps/worker/src/main.js') },
];
const HEALTH_TIMEOUT_MS = 60_000;
const CLAIMS_TIMEOUT_MS = 90_000;

const say = (line: string) => process.stdout.write(`claimtrail: ${line}\n`);
const shown = (file: string) => relative(process.cwd(), file) || file;
const logFileOf = (name: string) => join(LOG_DIR, `${name.toLowerCase()}.log`);

let supervisor: Supervisor | undefined;
let stoppingSince = 0;

/** Ctrl-C or SIGTERM: stop the children gracefully; a second one after a second kills them. */
function onSignal(signal: NodeJS.Signals): void {
  // npm, tsx and the terminal may each deliver the same Ctrl-C: act on the first only
  if (stoppingSince) {
    if (Date.now() - stoppingSince > 1000) {
      say(`${signal} again: killing the API and the worker`);
      signalSteps('SIGKILL');
      supervisor?.kill();
    }
    return;
  }
  stoppingSince = Date.now();
  signalSteps(signal);
  if (!supervisor || supervisor.running.length === 0) process.exit(signal === 'SIGINT' ? 130 : 143);
  say(`${signal}: stopping the API and the worker (press Ctrl-C again to kill them)`);
  void supervisor.stop(signal).then(() => {
    say('stopped');
    process.exit(0);
  });
}

function onUnexpectedExit(exit: ChildExit): void {
  if (stoppingSince) return;
  stoppingSince = Date.now();
  const others = supervisor?.running ?? [];
  say(
    `the ${exit.name} exited unexpectedly (${describeExit(exit)})` +
      (others.length ? `; stopping the ${others.join(' and ')}` : ''),
  );
  const lines = tail(logFileOf(exit.name));
  if (lines) process.stdout.write(`last lines of ${shown(logFileOf(exit.name))}:\n${lines}\n`);
  void (supervisor?.stop('SIGTERM') ?? Promise.resolve()).then(() => process.exit(1));
}

async function createAdminKey(env: NodeJS.ProcessEnv): Promise<string> {
  const out = await runStep(
    'creating an admin key',
    'npm',
    [
      'run',
      '-s',
      'cli',
      '--',
      'api-key',
      'create',
      '--role',
      'admin',
      '--name',
      'admin (npm start)',
    ],
    { cwd: ROOT, env, capture: true },
  );
  return parseCreatedKey(out);
}

/** The API must accept the key it is about to be advertised with. */
async function checkAdminKey(baseUrl: string, admin: AdminKey): Promise<void> {
  const { status } = await apiRequest(baseUrl, admin.key, 'GET', '/api-keys');
  if (status !== 200)
    throw new StartError(`the API answers ${status} to GET /api-keys with the admin key`);
}

interface SampleOutcome {
  articleId: string;
  claims: number;
}

/** Posts the sample article and waits until its claims are listed by GET /claims. */
async function ingestSample(
  baseUrl: string,
  key: string,
  signal: AbortSignal,
): Promise<SampleOutcome> {
  const text = readFileSync(SAMPLE_ARTICLE, 'utf8');
  const posted = await apiRequest(baseUrl, key, 'POST', '/articles', { text, language: 'ar' });
  const articleId = (posted.body as { id?: unknown }).id;
  if (![200, 202].includes(posted.status) || typeof articleId !== 'string')
    throw new StartError(
      `POST /articles answered ${posted.status}: ${JSON.stringify(posted.body).slice(0, 300)}`,
    );
  return waitFor<SampleOutcome>(
    'the sample article’s claims appearing in GET /claims',
    async (note) => {
      const res = await apiRequest(baseUrl, key, 'GET', `/claims?articleId=${articleId}&limit=200`);
      const items = (res.body as { items?: unknown[] }).items;
      if (res.status === 200 && items && items.length > 0)
        return { articleId, claims: items.length };
      const article = await apiRequest(baseUrl, key, 'GET', `/articles/${articleId}`);
      const { status, error } = article.body as { status?: string; error?: string };
      if (status === 'failed') throw new StartError(`the sample article failed: ${error}`);
      note(`article ${articleId} is ${status ?? `unknown (${article.status})`}`);
      return undefined;
    },
    { timeoutMs: CLAIMS_TIMEOUT_MS, intervalMs: 500, signal },
  );
}

function printBanner(config: AppConfig, admin: AdminKey, sample: SampleOutcome | undefined) {
  const url = `http://localhost:${config.port}`;
  const key =
    admin.origin === 'env'
      ? `${admin.key.slice(0, 6)}… (the value of ADMIN_API_KEY)`
      : `${admin.key}   (saved in ${shown(ADMIN_KEY_FILE)})`;
  const keyRef = admin.origin === 'env' ? '$ADMIN_API_KEY' : admin.key;
  const lines = [
    '',
    'claimtrail is running',
    `  API         ${url}`,
    `  OpenAPI     ${url}/docs`,
    `  health      ${url}/health`,
    `  queues      ${url}/admin/queues   (admins only)`,
    `  admin key   ${key}`,
    sample
      ? `  sample      ${sample.claims} claims from ${shown(SAMPLE_ARTICLE)} (article ${sample.articleId})`
      : `  sample      not ingested (see the warning above)`,
    `  logs        ${shown(logFileOf('API'))}, ${shown(logFileOf('worker'))}`,
    '',
    `Try:  curl -H "Authorization: Bearer ${keyRef}" ${url}/claims`,
    'Ctrl-C stops the API and the worker.',
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

async function main(env: NodeJS.ProcessEnv): Promise<void> {
  const config = loadConfig(env);
  if (config.port === 0) throw new StartError('PORT=0 is not supported by npm start');
  if (await isReachable('127.0.0.1', config.port))
    throw new StartError(
      `port ${config.port} is already in use (another npm start?): stop that, or set PORT`,
    );
  await ensureServices(
    [
      serviceEndpoint('PostgreSQL', 'DATABASE_URL', config.databaseUrl, 5432),
      serviceEndpoint('Redis', 'REDIS_URL', config.redisUrl, 6379),
    ],
    ROOT,
    say,
  );

  say('creating the database if it is missing, and migrating');
  await runStep('migrate', 'npm', ['run', '-s', 'cli', '--', 'migrate'], { cwd: ROOT, env });
  const admin = await resolveAdminKey({
    envKey: config.adminApiKey,
    file: ADMIN_KEY_FILE,
    create: () => createAdminKey(env),
    stillWorks: (key) => isAdminKey(config.databaseUrl, key),
  });
  if (admin.origin === 'created') say(`created an admin key, saved in ${shown(ADMIN_KEY_FILE)}`);
  if (admin.origin === 'replaced')
    say(
      `the admin key saved in ${shown(ADMIN_KEY_FILE)} no longer works (revoked, or a new ` +
        'database): created a new one there',
    );

  say('building the API and the worker');
  await runStep('build api', 'npx', ['nest', 'build', 'api'], { cwd: ROOT, env });
  await runStep('build worker', 'npx', ['nest', 'build', 'worker'], { cwd: ROOT, env });

  mkdirSync(LOG_DIR, { recursive: true, mode: 0o700 });
  supervisor = new Supervisor(env, ROOT, onUnexpectedExit);
  for (const { name, role, entry } of PROCESSES)
    supervisor.start({
      name,
      command: process.execPath,
      args: [...SERVICE_NODE_FLAGS[role], entry],
      logFile: logFileOf(name),
    });
  say(`starting the API on port ${config.port} and the worker (logs in ${shown(LOG_DIR)})`);

  const baseUrl = `http://127.0.0.1:${config.port}`;
  const { signal } = supervisor.failed;
  await waitForHttpOk(`${baseUrl}/health`, { timeoutMs: HEALTH_TIMEOUT_MS, signal });
  await checkAdminKey(baseUrl, admin);

  say('ingesting the sample article');
  let sample: SampleOutcome | undefined;
  try {
    sample = await ingestSample(baseUrl, admin.key, signal);
  } catch (e) {
    if (!(e instanceof StartError) || signal.aborted) throw e;
    // the API and the worker are up: keep them running and say what went wrong
    say(`WARNING: ${e.message}; see ${shown(logFileOf('worker'))}`);
  }
  printBanner(config, admin, sample);
}

process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
// the one place this launcher reads the environment: handed to loadConfig and the children
main(process.env).catch((e: unknown) => {
  // a child that died has already been reported, and the rest is being stopped
  if (supervisor?.failed.signal.aborted || stoppingSince) return;
  stoppingSince = Date.now();
  const known = e instanceof StartError || e instanceof ConfigError;
  say(known ? e.message : `unexpected failure: ${e instanceof Error ? e.stack : String(e)}`);
  void (supervisor?.stop('SIGTERM') ?? Promise.resolve()).then(() => process.exit(1));
});
