/**
 * The ingest pipeline under load, beside yardsticks measured in the same run on the same
 * machine:
 *
 * 1. Ingest: 5,000 distinct articles (Arabic and English) are POSTed to the API by 20
 *    concurrent keep-alive clients; the clock runs from the first POST until every article
 *    is extracted and every claim is both in Postgres and on the review queue. Before that,
 *    4,000 other articles go through untimed, as the reads get a warm-up: the figure is that
 *    of services that have compiled their code, as in a deployment that has been running
 *    (`--warm-up 0` times cold processes). V8 gives a function to its optimizing compiler
 *    (TurboFan) after about 3,000 calls, so code that runs once per article needs thousands
 *    of articles per worker: after 1,000 (500 per worker), the workers still compiled about
 *    375 functions for the first time inside the timed window, the engine's among them.
 *    Yardstick: bare BullMQ no-op jobs (addBulk ×1,000, a worker with concurrency 50) on
 *    the same Redis, the median of 3 runs after a warm-up run (none with `--warm-up 0`):
 *    cold, its first run here gives about two thirds of the later ones.
 *    Target: claims/s ≥ 0.3 × the yardstick's jobs/s.
 * 2. Reads: `GET /claims/:id` (random ids of the timed run's claims; the share of requests
 *    that were the first for their claim, read from PostgreSQL rather than memory, is
 *    printed) and `GET /claims?status=queued` under 50 connections, beside a bare Fastify
 *    route.
 *    Targets: throughput ≥ 0.25 × the bare route, p99 ≤ 25 ms.
 *
 * The API, the workers and the bare route each run in a process of their own, as in
 * production; the HTTP clients (autocannon) and the yardstick run in this one. Everything
 * gets a fresh database and queue prefix, removed at the end even on failure.
 *
 * Run: `npm run bench:pipeline [-- --articles N --warm-up N --workers N --concurrency N
 * --read-seconds S --profile DIR --node-flags="FLAGS" --strict]`. Results on stdout, progress
 * on stderr. Exits 1 if the pipeline did not finish or a request failed, and with --strict
 * also if a target is missed. --profile writes V8 CPU profiles of the API (ingest and reads)
 * and the workers (ingest) to DIR. They sample wall time: on a saturated machine, a process
 * that is descheduled inside a system call (after waking Postgres, say) shows that time in
 * the call, so check what they say against the CPU each process used. --node-flags adds Node
 * flags to every service (written with "=", as they start with a dash), e.g.
 * --node-flags=--perf-basic-prof so that Linux perf can name JavaScript frames; the results
 * say which flags were added.
 *
 * Nest needs decorator metadata, which esbuild (tsx) cannot emit: the script runs under
 * SWC (`node -r @swc-node/register`, reading tsconfig.json for decorators and path
 * aliases), and so do the service processes it forks.
 */
import 'reflect-metadata';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { extract } from '@claimtrail/attribution';
import { AuditLog } from '@claimtrail/audit';
import {
  loadConfig,
  SERVICE_NODE_FLAGS,
  type AppConfig,
  type ServiceRole,
} from '@claimtrail/config';
import { ApiKeyService } from '@claimtrail/ingest';
import { createRedis } from '@claimtrail/queues';
import { ReviewQueues } from '@claimtrail/workflow';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { TEST_REDIS_URL, testQueuePrefix } from '../support/queues';
import { benchArticles, type BenchArticle } from './pipeline/bench-articles';
import {
  loadAverage,
  median,
  passFail,
  positiveInteger,
  progress,
  table,
} from './pipeline/bench-output';
import { cpuSince, cpuSnapshot, type CpuSnapshot } from './pipeline/cpu-usage';
import { bullmqNoopJobsPerSecond } from './pipeline/bullmq-yardstick';
import { load, type LoadResult } from './pipeline/http-load';
import { removeBenchData, runThenCleanUp } from './pipeline/bench-run';
import { startService, type RunningService } from './pipeline/services';

const INGEST_CLIENTS = 20;
const READ_CONNECTIONS = 50;
const WARM_UP_SECONDS = 2;
const YARDSTICK_RUNS = 3;
const INGEST_TIMEOUT_MS = 180_000;
// how often the end is looked for, and how often Postgres is counted (see ingest)
const POLL_EVERY_MS = 200;
const PROGRESS_EVERY_MS = 2_000;
const TARGET_CLAIMS_RATIO = 0.3;
const TARGET_READ_RATIO = 0.25;
const TARGET_P99_MS = 25;

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '5000' },
    'warm-up': { type: 'string', default: '4000' },
    workers: { type: 'string', default: '2' },
    // the worker's own default (DEFAULT_EXTRACT_CONCURRENCY: two batches of 64)
    concurrency: { type: 'string', default: '128' },
    'read-seconds': { type: 'string', default: '10' },
    profile: { type: 'string' },
    'node-flags': { type: 'string', default: '' },
    strict: { type: 'boolean', default: false },
  },
});
const ARTICLES = positiveInteger('bench:pipeline', 'articles', args.articles);
const WARM_UP =
  args['warm-up'] === '0' ? 0 : positiveInteger('bench:pipeline', 'warm-up', args['warm-up']);
const WORKERS = positiveInteger('bench:pipeline', 'workers', args.workers);
const CONCURRENCY = positiveInteger('bench:pipeline', 'concurrency', args.concurrency);
const READ_SECONDS = positiveInteger('bench:pipeline', 'read-seconds', args['read-seconds']);
const EXTRA_NODE_FLAGS = args['node-flags'].split(/\s+/).filter((flag) => flag !== '');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const loadAtStart = loadAverage();

/** Claims one extraction of each article gives, computed with the engine the worker runs. */
function expectedClaims(articles: BenchArticle[]): number {
  let claims = 0;
  for (const a of articles)
    claims += extract(a.text, { language: a.language, publisher: a.outlet }).claims.length;
  return claims;
}

interface PipelineCounts {
  extracted: number;
  failed: number;
  claims: number;
  onReviewQueue: number;
}

/** Counts in Postgres: a scan of the articles and the claims, so taken only now and then. */
async function countStored(db: TestDatabase): Promise<Omit<PipelineCounts, 'onReviewQueue'>> {
  const rows = await db.dataSource.query<{ extracted: number; failed: number; claims: number }[]>(
    `SELECT count(*) FILTER (WHERE status = 'extracted')::int AS extracted,
            count(*) FILTER (WHERE status = 'failed')::int AS failed,
            (SELECT count(*)::int FROM claims) AS claims
     FROM articles`,
  );
  return rows[0]!;
}

interface IngestResult {
  posts: LoadResult;
  /** CPU seconds used during the ingest, by process group. */
  cpu: Record<string, number>;
  postSeconds: number;
  seconds: number;
  claims: number;
  complete: boolean;
  last: PipelineCounts;
}

async function ingest(
  apiUrl: string,
  editorKey: string,
  articles: BenchArticle[],
  claims: number,
  db: TestDatabase,
  review: ReviewQueues,
  cpuNow: () => CpuSnapshot,
  /** What Postgres and the review queue held before (the warm-up's): counts are on top. */
  before: PipelineCounts = { extracted: 0, failed: 0, claims: 0, onReviewQueue: 0 },
): Promise<IngestResult> {
  let sent = 0;
  let last: PipelineCounts;
  const bodies = articles.map((a) => JSON.stringify(a));
  const cpuBefore = cpuNow();
  const started = performance.now();
  const posting = load({
    url: apiUrl,
    connections: INGEST_CLIENTS,
    amount: articles.length,
    method: 'POST',
    headers: { authorization: `Bearer ${editorKey}`, 'content-type': 'application/json' },
    next: () => {
      // should autocannon send more than `amount`, the extras repeat early texts, which the
      // API answers 200 without adding an article
      const body = bodies[sent % bodies.length]!;
      sent += 1;
      return { path: '/articles', body };
    },
    expectStatus: 202,
  });

  // The review queue is counted every POLL_EVERY_MS (a few Redis commands); Postgres, whose
  // counts scan the tables, every PROGRESS_EVERY_MS and once the queue holds every claim (a
  // claim is queued only once committed), so that the polling does not weigh on Postgres.
  let lastCount = -Infinity;
  let stored = { extracted: 0, failed: 0, claims: 0 };
  const isComplete = (c: PipelineCounts) =>
    c.extracted === articles.length && c.claims === claims && c.onReviewQueue === claims;
  for (;;) {
    const onReviewQueue = (await review.countWaiting()) - before.onReviewQueue;
    let now = performance.now();
    const report = now - lastCount >= PROGRESS_EVERY_MS;
    if (report || onReviewQueue >= claims) {
      const total = await countStored(db);
      stored = {
        extracted: total.extracted - before.extracted,
        failed: total.failed - before.failed,
        claims: total.claims - before.claims,
      };
      now = performance.now();
      lastCount = now;
    }
    const counts = { ...stored, onReviewQueue };
    if (isComplete(counts) || counts.failed > 0 || now - started > INGEST_TIMEOUT_MS) {
      last = counts;
      break;
    }
    if (report)
      progress(
        `  ${((now - started) / 1000).toFixed(1)} s: ${sent} posted, ${counts.extracted} extracted, ` +
          `${counts.claims}/${claims} claims in Postgres, ${counts.onReviewQueue} on the review queue`,
      );
    await sleep(POLL_EVERY_MS);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSince(cpuBefore, cpuNow());
  const posts = await posting;
  progress(`ingest: ${sent} POST requests sent, ${posts.requests} answered`);
  return {
    posts,
    cpu,
    postSeconds: posts.seconds,
    seconds,
    claims,
    complete: isComplete(last),
    last,
  };
}

interface ReadRow {
  name: string;
  result: LoadResult;
  /** CPU microseconds the serving process used per answered request (robust to noise). */
  serverCpuUs: number;
  /** Of the timed requests for random ids, the share that asked for an id the first time. */
  firstReads?: number;
}

/**
 * Random ids of `ids`, remembering which were asked for: a first request for a claim finds
 * no answer kept and is read from Postgres, so the share of first requests says how much of
 * a run measures the cache and how much Postgres.
 */
function randomIds(ids: string[]) {
  const asked = new Set<string>();
  let requests = 0;
  let first = 0;
  return {
    next(): string {
      const id = ids[Math.floor(Math.random() * ids.length)]!;
      requests += 1;
      if (!asked.has(id)) {
        asked.add(id);
        first += 1;
      }
      return id;
    },
    /** Counts from now on (the ids asked for so far stay asked). */
    restartCount(): void {
      requests = 0;
      first = 0;
    },
    firstShare: (): number => (requests === 0 ? 0 : first / requests),
  };
}

async function reads(
  servers: {
    api: { url: string; pid: number | undefined };
    bare: { url: string; pid: number | undefined };
  },
  key: string,
  db: TestDatabase,
  since: Date,
) {
  // the timed run's claims (those created since `since`), not the warm-up's
  const ids = (
    await db.dataSource.query<{ id: string }[]>('SELECT id FROM claims WHERE created_at >= $1', [
      since,
    ])
  ).map((r) => r.id);
  const auth = { authorization: `Bearer ${key}` };
  const claimIds = randomIds(ids);
  const targets: {
    name: string;
    server: { url: string; pid: number | undefined };
    headers: Record<string, string>;
    path: () => string;
    /** Ids asked for: counted from the timed run on. */
    ids?: ReturnType<typeof randomIds>;
  }[] = [
    {
      name: 'bare Fastify GET /hello',
      server: servers.bare,
      headers: {},
      path: () => '/hello',
    },
    {
      name: 'GET /claims/:id',
      server: servers.api,
      headers: auth,
      path: () => `/claims/${claimIds.next()}`,
      ids: claimIds,
    },
    {
      name: 'GET /claims?status=queued',
      server: servers.api,
      headers: auth,
      path: () => '/claims?status=queued',
    },
  ];
  const rows: ReadRow[] = [];
  for (const target of targets) {
    const run = (seconds: number) =>
      load({
        url: target.server.url,
        connections: READ_CONNECTIONS,
        seconds,
        headers: target.headers,
        next: () => ({ path: target.path() }),
        expectStatus: 200,
      });
    progress(`reads: ${target.name}, ${WARM_UP_SECONDS} s warm-up + ${READ_SECONDS} s…`);
    await run(WARM_UP_SECONDS);
    target.ids?.restartCount();
    const cpuNow = () => cpuSnapshot({ server: [target.server.pid] });
    const before = cpuNow();
    const result = await run(READ_SECONDS);
    const cpuSeconds = cpuSince(before, cpuNow()).server ?? 0;
    rows.push({
      name: target.name,
      result,
      serverCpuUs: (1e6 * cpuSeconds) / Math.max(result.perSecond * READ_SECONDS, 1),
      ...(target.ids ? { firstReads: target.ids.firstShare() } : {}),
    });
  }
  return rows;
}

function report(
  yardsticks: number[],
  ingested: IngestResult,
  articles: number,
  readRows: ReadRow[],
): boolean {
  const yardstick = median(yardsticks);
  const claimsPerS = ingested.claims / ingested.seconds;
  const ratio = claimsPerS / yardstick;
  const ingestOk =
    ingested.complete && ingested.posts.unexpected === 0 && ratio >= TARGET_CLAIMS_RATIO;
  const lines: string[] = [];
  lines.push(
    `pipeline benchmark: Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores`,
  );
  lines.push(
    `API: 1 process; workers: ${WORKERS} process(es) × concurrency ${CONCURRENCY}; ` +
      `Postgres and Redis on this machine; HTTP clients (autocannon) in the benchmark process`,
    ...(EXTRA_NODE_FLAGS.length > 0
      ? [`services ran with extra Node flags: ${EXTRA_NODE_FLAGS.join(' ')}`]
      : []),
    `load average at start ${loadAtStart}, at end ${loadAverage()} (other work on the machine skews the figures)`,
    '',
  );
  lines.push('1. Ingest');
  const p = ingested.posts;
  lines.push(
    table(
      ['what', 'figure'],
      [
        [
          'warm-up first, not timed (other articles)',
          WARM_UP > 0 ? `${WARM_UP} articles` : 'none (cold processes)',
        ],
        ['articles posted (distinct, ar+en)', String(articles)],
        [
          `POST /articles, ${INGEST_CLIENTS} clients`,
          `${p.perSecond.toFixed(0)} req/s, p50 ${p.p50} ms, p99 ${p.p99} ms, ` +
            `${p.statuses['202'] ?? 0}×202, ${p.unexpected} other/errors, done in ${ingested.postSeconds.toFixed(1)} s`,
        ],
        [
          'first POST → all extracted, claims in Postgres and on the review queue',
          `${ingested.seconds.toFixed(2)} s${ingested.complete ? '' : ' (DID NOT FINISH)'}`,
        ],
        [
          'claims',
          `${ingested.last.claims} of ${ingested.claims} (on review queue: ${ingested.last.onReviewQueue})`,
        ],
        ['articles/s', (articles / ingested.seconds).toFixed(1)],
        [
          'CPU seconds used meanwhile (of ' +
            (cpus().length * ingested.seconds).toFixed(0) +
            ' available)',
          Object.entries(ingested.cpu)
            .map(([name, s]) => `${name} ${s.toFixed(1)}`)
            .join(', '),
        ],
        [
          'CPU ms per article, all processes',
          ((1000 * Object.values(ingested.cpu).reduce((a, b) => a + b, 0)) / articles).toFixed(2),
        ],
        ['claims/s', claimsPerS.toFixed(1)],
        [
          `yardstick: bare BullMQ no-op jobs/s (median of ${YARDSTICK_RUNS}` +
            `${WARM_UP > 0 ? ', after a warm-up run' : ''})`,
          `${yardstick.toFixed(0)} (${yardsticks.map((y) => y.toFixed(0)).join(', ')})`,
        ],
        [
          `claims/s ÷ yardstick jobs/s (target ≥ ${TARGET_CLAIMS_RATIO})`,
          `${ratio.toFixed(3)} ${passFail(ingestOk)}`,
        ],
      ],
    ),
    '',
  );

  lines.push(`2. Reads, ${READ_CONNECTIONS} connections, ${READ_SECONDS} s each`);
  const bare = readRows[0]!.result.perSecond;
  let readsOk = true;
  const rows = readRows.map(({ name, result: r, serverCpuUs }, i) => {
    const share = r.perSecond / bare;
    const ok = r.unexpected === 0 && share >= TARGET_READ_RATIO && r.p99 <= TARGET_P99_MS;
    if (i > 0) readsOk &&= ok;
    return [
      name,
      r.perSecond.toFixed(0),
      String(r.p50),
      String(r.p99),
      String(r.unexpected),
      serverCpuUs.toFixed(0),
      share.toFixed(3),
      i === 0 ? '-' : passFail(ok),
    ];
  });
  lines.push(
    table(
      [
        'route',
        'req/s',
        'p50 ms',
        'p99 ms',
        'non-200/errors',
        'server CPU µs/req',
        '÷ bare',
        `target ≥${TARGET_READ_RATIO}× bare, p99 ≤${TARGET_P99_MS} ms`,
      ],
      rows,
    ),
  );
  for (const { name, firstReads } of readRows)
    if (firstReads !== undefined)
      lines.push(
        `${name}: ${(100 * firstReads).toFixed(0)}% of the timed requests were the first for ` +
          'their claim (no answer kept yet: read from PostgreSQL)',
      );
  console.log(lines.join('\n'));
  return ingestOk && readsOk;
}

async function main(): Promise<void> {
  progress(`generating ${WARM_UP} + ${ARTICLES} articles and their expected claims…`);
  const all = benchArticles(WARM_UP + ARTICLES);
  const warmUp = all.slice(0, WARM_UP);
  const warmUpClaims = expectedClaims(warmUp);
  const articles = all.slice(WARM_UP);
  const claims = expectedClaims(articles);

  const services: RunningService[] = [];
  const stopAll = () => Promise.allSettled(services.splice(0).map((s) => s.stop()));
  let db: TestDatabase | undefined;
  const prefix = testQueuePrefix('bench-pipeline');
  const redis = createRedis(TEST_REDIS_URL);
  const review = new ReviewQueues(redis, prefix);
  let outcome: { ran: boolean; targetsMet: boolean } = { ran: false, targetsMet: false };
  const cleanUp = async () => {
    progress('cleaning up: services, queues, database…');
    await stopAll();
    await review.close().catch(() => undefined);
    await removeBenchData(redis, prefix, db);
  };

  await runThenCleanUp(async () => {
    if (WARM_UP > 0) {
      // as the services get theirs: BullMQ's code optimized, as in the timed runs after it
      progress('yardstick: bare BullMQ no-op jobs, a warm-up run (not counted)…');
      await bullmqNoopJobsPerSecond(TEST_REDIS_URL, testQueuePrefix('bench-bullmq'));
    }
    const yardsticks: number[] = [];
    for (let run = 1; run <= YARDSTICK_RUNS; run++) {
      progress(`yardstick: bare BullMQ no-op jobs, run ${run} of ${YARDSTICK_RUNS}…`);
      yardsticks.push(
        await bullmqNoopJobsPerSecond(TEST_REDIS_URL, testQueuePrefix('bench-bullmq')),
      );
    }

    db = await createTestDatabase('bench-pipeline');
    const config: AppConfig = {
      ...loadConfig({}),
      databaseUrl: db.url,
      redisUrl: TEST_REDIS_URL,
      queuePrefix: prefix,
      logLevel: 'info',
    };
    const profile = (name: string) =>
      args.profile
        ? [
            '--cpu-prof',
            `--cpu-prof-dir=${resolve(args.profile)}`,
            `--cpu-prof-name=${name}.cpuprofile`,
          ]
        : [];
    progress(`starting the API, ${WORKERS} worker(s) × ${CONCURRENCY} and the bare route…`);
    // the services run with the Node flags they run with in production, and --node-flags
    const flags = (role: ServiceRole, name: string) => [
      ...SERVICE_NODE_FLAGS[role],
      ...profile(name),
      ...EXTRA_NODE_FLAGS,
    ];
    const api = await startService('api', { role: 'api', config }, flags('api', 'api'));
    services.push(api);
    const workers: RunningService[] = [];
    for (let w = 0; w < WORKERS; w++) {
      const worker = await startService(
        `worker ${w + 1}`,
        { role: 'worker', config, concurrency: CONCURRENCY },
        flags('worker', `worker-${w + 1}`),
      );
      services.push(worker);
      workers.push(worker);
    }
    const bare = await startService('bare route', { role: 'bare' });
    services.push(bare);
    const apiUrl = `http://127.0.0.1:${api.port}`;

    const { secret: editorKey } = await new ApiKeyService(db.dataSource, new AuditLog()).create(
      'benchmark editor',
      'editor',
      'system:benchmark',
    );
    // the API validates bodies: a sign that it runs with its decorator metadata
    const invalid = await fetch(`${apiUrl}/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editorKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 42 }),
    });
    if (invalid.status !== 400)
      throw new Error(`the API answered ${invalid.status} to an invalid article, not 400`);

    const cpuNow = () =>
      cpuSnapshot({
        api: [api.pid],
        workers: workers.map((w) => w.pid),
        benchmark: [process.pid],
      });
    let before: PipelineCounts | undefined;
    if (WARM_UP > 0) {
      progress(`warm-up (not timed): ${WARM_UP} other articles (${warmUpClaims} claims)…`);
      const warmed = await ingest(apiUrl, editorKey, warmUp, warmUpClaims, db, review, cpuNow);
      if (!warmed.complete) throw new Error('the warm-up articles were not all extracted');
      before = { ...(await countStored(db)), onReviewQueue: await review.countWaiting() };
    }
    const [{ now: timedFrom }] = await db.dataSource.query<[{ now: Date }]>('SELECT now()');
    progress(
      `ingest: ${ARTICLES} articles (${claims} claims expected), ${INGEST_CLIENTS} clients…`,
    );
    const ingested = await ingest(apiUrl, editorKey, articles, claims, db, review, cpuNow, before);
    progress(
      `ingest: ${ingested.complete ? 'done' : 'NOT COMPLETE'} in ${ingested.seconds.toFixed(1)} s`,
    );
    // reads measure the API alone; stopping the workers also writes their profiles
    await Promise.all(workers.map((w) => w.stop()));
    // the planner statistics autovacuum keeps on a running system; a minute after a
    // bulk load it may not have run yet, and the claim lookup then hashes every source
    await db.dataSource.query('ANALYZE');

    const readRows = await reads(
      {
        api: { url: apiUrl, pid: api.pid },
        bare: { url: `http://127.0.0.1:${bare.port}`, pid: bare.pid },
      },
      editorKey,
      db,
      timedFrom,
    );
    const targetsMet = report(yardsticks, ingested, ARTICLES, readRows);
    const ran =
      ingested.complete &&
      ingested.posts.unexpected === 0 &&
      readRows.every((r) => r.result.unexpected === 0);
    outcome = { ran, targetsMet };
  }, cleanUp);
  process.exitCode = outcome.ran && (outcome.targetsMet || !args.strict) ? 0 : 1;
}

main().catch((e: unknown) => {
  progress(`benchmark failed: ${(e as Error).stack ?? String(e)}`);
  process.exitCode = 1;
});
