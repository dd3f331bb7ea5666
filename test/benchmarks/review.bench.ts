/**
 * The review workflow under load: 20,000 claims wait on the review queue (spread over the
 * partitions of two languages and several desks), and 50 simulated reviewers, each with an
 * API key of their own and one keep-alive connection, loop `POST /review/lease` → `POST
 * /review/:id/verdict` over HTTP until the queue answers 204. The clock runs from the first
 * lease until the last answer. Target: ≥ 1,000 verdicts/s on this machine, with no claim
 * leased twice at once, exactly one verdict row per claim, no verdict answered 200 without
 * its row, and the audit chain intact.
 *
 * The API runs in a process of its own, as in production (the pipeline benchmark's
 * service process); the reviewers run in this one. Claims are written straight into
 * Postgres and queued through the worker's queue gateway. Everything gets a fresh database
 * and queue prefix, removed at the end even on failure.
 *
 * Run: `npm run bench:review [-- --claims N --reviewers N --profile DIR --strict]`. Results
 * on stdout, progress on stderr. Exits 1 if the run did not finish, a request failed or a
 * check failed, and with --strict also if the target is missed. --profile writes a V8 CPU
 * profile of the API to DIR. Runs under SWC like the pipeline benchmark (Nest needs
 * decorator metadata).
 */
import 'reflect-metadata';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AuditLog } from '@claimtrail/audit';
import { loadConfig, SERVICE_NODE_FLAGS, type AppConfig } from '@claimtrail/config';
import { ApiKeyService } from '@claimtrail/ingest';
import { createRedis } from '@claimtrail/queues';
import { PartitionedQueueGateway } from '@claimtrail/workflow';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { TEST_REDIS_URL, testQueuePrefix } from '../support/queues';
import {
  loadAverage,
  passFail,
  positiveInteger,
  progress,
  quantile,
  table,
} from './pipeline/bench-output';
import { cpuSince, cpuSnapshot } from './pipeline/cpu-usage';
import { removeBenchData, runThenCleanUp } from './pipeline/bench-run';
import { startService, type RunningService } from './pipeline/services';
import { backendsOf } from './review/database-backends';
import { checkReviews, type Check } from './review/review-checks';
import { queueClaimsForReview } from './review/queued-claims';
import { runReviewers, type ReviewRun } from './review/reviewers';

const TARGET_VERDICTS_PER_S = 1_000;
const RUN_TIMEOUT_MS = 600_000;

const { values: args } = parseArgs({
  options: {
    claims: { type: 'string', default: '20000' },
    reviewers: { type: 'string', default: '50' },
    profile: { type: 'string' },
    strict: { type: 'boolean', default: false },
  },
});
const CLAIMS = positiveInteger('bench:review', 'claims', args.claims);
const REVIEWERS = positiveInteger('bench:review', 'reviewers', args.reviewers);
const loadAtStart = loadAverage();

const ms = (n: number) => n.toFixed(1);

function report(run: ReviewRun, checks: Check[], cpu: Record<string, number>): boolean {
  const verdicts = run.verdictStatuses['200'] ?? 0;
  const perSecond = verdicts / run.seconds;
  const fast = perSecond >= TARGET_VERDICTS_PER_S;
  const statuses = (s: Record<string, number>) =>
    Object.entries(s)
      .map(([code, n]) => `${n}×${code}`)
      .join(', ');
  // every postgres process on the machine, ours among them, and ours alone: the latter is
  // what the run cost (others' tests may share this machine's Postgres)
  const ourCpu = Object.entries(cpu)
    .filter(([name]) => name !== 'postgres')
    .reduce((total, [, seconds]) => total + seconds, 0);
  const lines = [
    `review benchmark: Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores`,
    `API: 1 process; Postgres and Redis on this machine; ${REVIEWERS} reviewers (undici, one ` +
      `keep-alive connection each) in the benchmark process`,
    `load average at start ${loadAtStart}, at end ${loadAverage()} (other work on the machine skews the figures)`,
    '',
    table(
      ['what', 'figure'],
      [
        ['claims queued for review', String(CLAIMS)],
        [
          'first lease → last answer',
          `${run.seconds.toFixed(2)} s${run.drained ? '' : ' (DID NOT FINISH)'}`,
        ],
        ['POST /review/lease', statuses(run.leaseStatuses)],
        ['POST /review/:id/verdict', statuses(run.verdictStatuses)],
        [
          'lease latency (200s), ms',
          `p50 ${ms(quantile(run.leaseMs, 0.5))}, p99 ${ms(quantile(run.leaseMs, 0.99))}`,
        ],
        [
          'verdict latency, ms',
          `p50 ${ms(quantile(run.verdictMs, 0.5))}, p99 ${ms(quantile(run.verdictMs, 0.99))}`,
        ],
        [
          `CPU seconds used meanwhile (of ${(cpus().length * run.seconds).toFixed(0)} available)`,
          Object.entries(cpu)
            .map(([name, s]) => `${name} ${s.toFixed(1)}`)
            .join(', '),
        ],
        [
          'CPU ms per verdict (API, this database’s backends, Redis, reviewers)',
          ((1000 * ourCpu) / Math.max(verdicts, 1)).toFixed(2),
        ],
        [
          `verdicts/s (target ≥ ${TARGET_VERDICTS_PER_S})`,
          `${perSecond.toFixed(0)} ${passFail(fast)}`,
        ],
      ],
    ),
    '',
    'Checks',
    table(
      ['check', 'figure', ''],
      checks.map((c) => [c.what, c.figure, passFail(c.ok)]),
    ),
  ];
  if (run.problems.length > 0)
    lines.push('', 'Problems seen', ...run.problems.map((p) => `  ${p}`));
  console.log(lines.join('\n'));
  return fast;
}

/** Reviewer keys, made as an operator would; their secrets. */
async function reviewerKeys(db: TestDatabase): Promise<string[]> {
  const keys = new ApiKeyService(db.dataSource, new AuditLog());
  const secrets: string[] = [];
  for (let i = 0; i < REVIEWERS; i++)
    secrets.push(
      (await keys.create(`benchmark reviewer ${i}`, 'reviewer', 'system:benchmark')).secret,
    );
  return secrets;
}

async function main(): Promise<void> {
  let api: RunningService | undefined;
  let db: TestDatabase | undefined;
  const prefix = testQueuePrefix('bench-review');
  const redis = createRedis(TEST_REDIS_URL);
  let gateway: PartitionedQueueGateway | undefined;
  let outcome = { ran: false, targetMet: false };
  const cleanUp = async () => {
    progress('cleaning up: API, queues, database…');
    await api?.stop().catch(() => undefined);
    await gateway?.close().catch(() => undefined);
    await removeBenchData(redis, prefix, db);
  };

  await runThenCleanUp(async () => {
    db = await createTestDatabase('bench-review');
    gateway = new PartitionedQueueGateway(redis, prefix, db.dataSource);
    progress(`queueing ${CLAIMS} claims for review…`);
    const seeded = performance.now();
    await queueClaimsForReview(db.dataSource, gateway, CLAIMS);
    // what autovacuum does after a bulk load: the loaded tables get statistics, and the empty
    // ones (verdicts) none, so plans cached now do not take verdicts for a table that stays
    // empty (a foreign-key check planned so scans it row by row as it grows)
    await db.dataSource.query('ANALYZE articles, claims');
    progress(`  queued in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

    const config: AppConfig = {
      ...loadConfig({}),
      databaseUrl: db.url,
      redisUrl: TEST_REDIS_URL,
      queuePrefix: prefix,
      logLevel: 'info',
    };
    const profile = args.profile
      ? ['--cpu-prof', `--cpu-prof-dir=${resolve(args.profile)}`, '--cpu-prof-name=api.cpuprofile']
      : [];
    progress('starting the API…');
    // with the Node flags it runs with in production
    api = await startService('api', { role: 'api', config }, [
      ...SERVICE_NODE_FLAGS.api,
      ...profile,
    ]);
    const url = `http://127.0.0.1:${api.port}`;
    const keys = await reviewerKeys(db);
    // the API validates bodies: a sign that it runs with its decorator metadata
    const invalid = await fetch(`${url}/review/lease`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys[0]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'xx' }),
    });
    if (invalid.status !== 400)
      throw new Error(`the API answered ${invalid.status} to an invalid lease, not 400`);

    progress(`${REVIEWERS} reviewers leasing and judging ${CLAIMS} claims…`);
    const database = db.name;
    const cpuNow = () =>
      cpuSnapshot({
        api: [api?.pid],
        'postgres (this database)': backendsOf(database),
        benchmark: [process.pid],
      });
    const cpuBefore = cpuNow();
    let lastReport = performance.now();
    const run = await runReviewers(url, keys, performance.now() + RUN_TIMEOUT_MS, (n) => {
      const now = performance.now();
      if (now - lastReport < 2_000) return;
      lastReport = now;
      progress(`  ${n} verdicts`);
    });
    const cpu = cpuSince(cpuBefore, cpuNow());
    progress(`reviewers done in ${run.seconds.toFixed(1)} s; checking…`);
    // stopping the API also writes its profile
    await api.stop();
    const checks = await checkReviews(db.dataSource, gateway.partitions, run, CLAIMS);
    const targetMet = report(run, checks, cpu);
    outcome = {
      ran: run.drained && run.problems.length === 0 && checks.every((c) => c.ok),
      targetMet,
    };
  }, cleanUp);
  process.exitCode = outcome.ran && (outcome.targetMet || !args.strict) ? 0 : 1;
}

main().catch((e: unknown) => {
  progress(`benchmark failed: ${(e as Error).stack ?? String(e)}`);
  process.exitCode = 1;
});
