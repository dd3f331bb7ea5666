/**
 * Exports against a yardstick. 1,000,000 audit events (a valid hash chain, written with the
 * log's own hashEvent through COPY FROM) are exported as CSV by the real worker: a process
 * of its own, the export asked for as POST /exports asks (an exports row and a job on the
 * export queue), timed by the row's started_at and finished_at. Beside it, in the same run,
 * the yardstick: `COPY (SELECT …) TO STDOUT WITH (FORMAT csv, HEADER)` of the very statement
 * the export reads, every byte received and counted by a client. The figures: rows per second
 * of both, their ratio (target ≥ 0.5) and the worker's peak resident memory (VmHWM, target
 * ≤ 200 MB), then 100,000 reviewed claims exported as ClaimReview JSON-LD: rows per second.
 *
 * The worker runs as built by `nest build worker` (what `npm start` and the Docker image
 * run); `--worker tsx` runs its TypeScript sources through tsx instead (no build; tsx itself
 * adds some 35 MB to the memory figure). Everything gets a fresh database, queue prefix and
 * export directory, removed at the end even on failure.
 *
 * Run: `npm run bench:export [-- --events N --claims N --worker built|tsx --strict]`.
 * Results on stdout, progress on stderr. Exits 1 if a run failed or a check failed, and with
 * --strict also if a target is missed.
 */
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { AuditLog } from '@claimtrail/audit';
import { loadConfig, type AppConfig } from '@claimtrail/config';
import { ExportJobs, ExportRecords, planExport, type ExportView } from '@claimtrail/export';
import { ApiKeyService } from '@claimtrail/ingest';
import type { ExportKind } from '@claimtrail/persistence';
import { createRedis } from '@claimtrail/queues';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { TEST_REDIS_URL, testQueuePrefix } from '../support/queues';
import { seedAuditEvents } from './export/audit-events';
import { seedReviewedClaims } from './export/reviewed-claims';
import { buildWorker, startWorkerProcess, type WorkerProcess } from './export/worker-process';
import { loadAverage, passFail, positiveInteger, progress, table } from './pipeline/bench-output';
import { removeBenchData, runThenCleanUp } from './pipeline/bench-run';

const TARGET_RATIO = 0.5;
const TARGET_RSS_MB = 200;
const EXPORT_TIMEOUT_MS = 900_000;

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    claims: { type: 'string', default: '100000' },
    worker: { type: 'string', default: 'built' },
    strict: { type: 'boolean', default: false },
  },
});
const EVENTS = positiveInteger('bench:export', 'events', args.events);
const CLAIMS = positiveInteger('bench:export', 'claims', args.claims);
if (args.worker !== 'built' && args.worker !== 'tsx') {
  process.stderr.write(`bench:export: --worker must be built or tsx (got "${args.worker}")\n`);
  process.exit(2);
}
const WORKER_MODE = args.worker;
const loadAtStart = loadAverage();

/** The yardstick: COPY of the export's own statement, every byte received and counted. */
async function copyYardstick(db: TestDatabase, headSeq: number) {
  const plan = planExport('audit-csv', {}, headSeq, {
    newsroom: { name: 'x', url: 'http://x' },
    publicBaseUrl: 'http://x',
  });
  // COPY takes no parameters: the one the statement has is the head's sequence number
  const statement = plan.rows.text.replace('$1', String(headSeq));
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    const started = performance.now();
    const stream = client.query(copyTo(`COPY (${statement}) TO STDOUT WITH (FORMAT csv, HEADER)`));
    let bytes = 0;
    for await (const chunk of stream) bytes += (chunk as Buffer).length;
    return { rows: stream.rowCount, bytes, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}

/** Asks for an export as the API does and waits for the worker to finish it. */
async function exportThroughWorker(
  db: TestDatabase,
  records: ExportRecords,
  jobs: ExportJobs,
  requester: string,
  kind: ExportKind,
): Promise<{ view: ExportView; seconds: number }> {
  const { id } = await records.request(requester, 'system:benchmark', kind, {});
  await jobs.enqueue(id);
  const deadline = Date.now() + EXPORT_TIMEOUT_MS;
  let last = -1;
  for (;;) {
    const view = await records.get(id);
    if (view.status === 'done' || view.status === 'failed') {
      const [row] = await db.dataSource.query<{ seconds: number }[]>(
        `SELECT extract(epoch FROM finished_at - started_at)::float AS seconds FROM exports WHERE id = $1`,
        [id],
      );
      if (view.status === 'failed') throw new Error(`export ${kind} failed: ${view.error}`);
      return { view, seconds: row!.seconds };
    }
    if (view.progress !== last && view.progress % 10 === 0) {
      last = view.progress;
      progress(`  ${kind}: ${view.status} ${view.progress}%`);
    }
    if (Date.now() > deadline) throw new Error(`export ${kind} did not finish in time`);
    await sleep(200);
  }
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function main(): Promise<void> {
  let db: TestDatabase | undefined;
  let worker: WorkerProcess | undefined;
  let jobs: ExportJobs | undefined;
  const prefix = testQueuePrefix('bench-export');
  const redis = createRedis(TEST_REDIS_URL);
  const exportDir = mkdtempSync(join(tmpdir(), 'claimtrail-bench-export-'));
  let outcome = { ran: false, targetsMet: false };
  const cleanUp = async () => {
    progress('cleaning up: worker, queues, database, files…');
    await worker?.stop().catch(() => undefined);
    await jobs?.close().catch(() => undefined);
    await removeBenchData(redis, prefix, db);
    rmSync(exportDir, { recursive: true, force: true });
  };

  await runThenCleanUp(async () => {
    if (WORKER_MODE === 'built') {
      progress('building the worker (nest build worker)…');
      buildWorker();
    }
    db = await createTestDatabase('bench-export');
    progress(`writing ${EVENTS} audit events (a valid chain, through COPY FROM)…`);
    let started = performance.now();
    const seeder = new Client({ connectionString: db.url });
    await seeder.connect();
    try {
      await seedAuditEvents(seeder, EVENTS);
    } finally {
      await seeder.end();
    }
    await db.dataSource.query('ANALYZE audit_events');
    progress(`  written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const keys = new ApiKeyService(db.dataSource, new AuditLog());
    const auditor = (await keys.create('benchmark auditor', 'auditor', 'system:benchmark')).key;
    const reviewer = (await keys.create('benchmark reviewer', 'reviewer', 'system:benchmark')).key;

    const config: AppConfig = {
      ...loadConfig({}),
      databaseUrl: db.url,
      redisUrl: TEST_REDIS_URL,
      queuePrefix: prefix,
      exportDir,
    };
    progress(`starting the worker (${WORKER_MODE})…`);
    worker = await startWorkerProcess(config, WORKER_MODE);
    const idleRss = worker.peakRssMb();
    const records = new ExportRecords(db.dataSource, new AuditLog());
    jobs = new ExportJobs(redis, prefix);

    progress('exporting the audit log as CSV through the worker…');
    const audit = await exportThroughWorker(db, records, jobs, auditor.id, 'audit-csv');
    const peakRss = worker.peakRssMb();
    const file = join(exportDir, `${audit.view.id}.csv`);
    const hashOk = (await sha256Of(file)) === audit.view.sha256;

    progress('the yardstick: COPY (SELECT …) TO STDOUT of the same rows…');
    const copy = await copyYardstick(db, audit.view.auditHeadSeq!);

    progress(`writing ${CLAIMS} reviewed claims…`);
    started = performance.now();
    await seedReviewedClaims(db.dataSource, CLAIMS, reviewer.id);
    progress(`  written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    progress('exporting them as ClaimReview through the worker…');
    const reviews = await exportThroughWorker(db, records, jobs, auditor.id, 'claimreview');
    const reviewPeakRss = worker.peakRssMb();

    const exportRate = audit.view.rows! / audit.seconds;
    const copyRate = copy.rows / copy.seconds;
    const ratio = exportRate / copyRate;
    const fastEnough = ratio >= TARGET_RATIO;
    const smallEnough = Math.max(peakRss, reviewPeakRss) <= TARGET_RSS_MB;
    const checks = [
      [
        'export rows = COPY rows',
        `${audit.view.rows} / ${copy.rows}`,
        audit.view.rows === copy.rows,
      ],
      [
        'export bytes = COPY bytes',
        `${audit.view.bytes} / ${copy.bytes}`,
        audit.view.bytes === copy.bytes,
      ],
      ['file SHA-256 = recorded', audit.view.sha256!.slice(0, 16) + '…', hashOk],
      [
        'ClaimReview rows = reviewed claims',
        `${reviews.view.rows} / ${CLAIMS}`,
        reviews.view.rows === CLAIMS,
      ],
    ] as const;
    const mb = (n: number) => `${n.toFixed(0)} MB`;
    console.log(
      [
        `export benchmark: Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores`,
        `worker: 1 process (${WORKER_MODE}); Postgres and Redis on this machine`,
        `load average at start ${loadAtStart}, at end ${loadAverage()} (other work on the machine skews the figures)`,
        '',
        table(
          ['what', 'rows', 'MB', 'seconds', 'rows/s'],
          [
            [
              'audit-csv export (worker)',
              String(audit.view.rows),
              (audit.view.bytes! / 1e6).toFixed(0),
              audit.seconds.toFixed(2),
              exportRate.toFixed(0),
            ],
            [
              'COPY … TO STDOUT (yardstick)',
              String(copy.rows),
              (copy.bytes / 1e6).toFixed(0),
              copy.seconds.toFixed(2),
              copyRate.toFixed(0),
            ],
            [
              'claimreview export (worker)',
              String(reviews.view.rows),
              (reviews.view.bytes! / 1e6).toFixed(0),
              reviews.seconds.toFixed(2),
              (reviews.view.rows! / reviews.seconds).toFixed(0),
            ],
          ],
        ),
        '',
        table(
          ['target', 'figure', ''],
          [
            [`export / COPY rows/s ≥ ${TARGET_RATIO}`, ratio.toFixed(2), passFail(fastEnough)],
            [
              `worker peak RSS ≤ ${TARGET_RSS_MB} MB`,
              `${mb(peakRss)} after audit-csv, ${mb(reviewPeakRss)} after claimreview (idle ${mb(idleRss)})`,
              passFail(smallEnough),
            ],
          ],
        ),
        '',
        'Checks',
        table(
          ['check', 'figure', ''],
          checks.map(([what, figure, ok]) => [what, figure, passFail(ok)]),
        ),
      ].join('\n'),
    );
    outcome = { ran: checks.every(([, , ok]) => ok), targetsMet: fastEnough && smallEnough };
  }, cleanUp);
  process.exitCode = outcome.ran && (outcome.targetsMet || !args.strict) ? 0 : 1;
}

main().catch((e: unknown) => {
  progress(`benchmark failed: ${(e as Error).stack ?? String(e)}`);
  process.exitCode = 1;
});
