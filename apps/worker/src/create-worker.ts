import type { Server } from 'node:http';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { pino, type Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@claimtrail/audit';
import type { AppConfig } from '@claimtrail/config';
import { ExportJobs, ExportRecords, ExportRetention, type ExpirySummary } from '@claimtrail/export';
import { ExtractionService, Reconciler } from '@claimtrail/ingest';
import {
  EXPIRE_EXPORTS_EVERY_MS,
  EXPIRE_EXPORTS_SCHEDULER_ID,
  JOB_OPTIONS,
  QUEUES,
  RECONCILE_EVERY_MS,
  RECONCILE_SCHEDULER_ID,
  REVERIFY_SCHEDULER_ID,
  type ExtractJob,
  type JobOf,
  type ReconcileJob,
  type ReverifyJob,
} from '@claimtrail/queues';
import {
  PartitionedQueueGateway,
  ReverificationService,
  REVERIFY_TIMEZONE,
} from '@claimtrail/workflow';
import {
  EXTRACT_BATCHING,
  ExtractArticleProcessor,
  type ExtractSummary,
} from './extract-article.processor';
import {
  EXPORT_CONCURRENCY,
  ExportProcessor,
  type ExportQueueJob,
  type ExportSummary,
} from './export.processor';
import { ExpireExportsProcessor, type ExpireExportsQueueJob } from './expire-exports.processor';
import { ReconcileProcessor, type ReconcileSummary } from './reconcile.processor';
import { ReverifyProcessor, type ReverifySummary } from './reverify.processor';
import { connectPostgres, connectRedis } from './service-connections';
import { WorkerMetrics } from './worker-metrics';

/**
 * A job whose worker died this many times while running it is presumed to be what kills
 * the worker (an article that exhausts memory, say): BullMQ then fails it instead of
 * handing it to the next worker, and the article is marked failed.
 */
export const EXTRACT_MAX_STALLED = 3;

/**
 * Extraction jobs a worker runs at a time when not told otherwise: two full batches (see
 * EXTRACT_BATCHING), one running while the next gathers its jobs and waits its turn.
 */
export const DEFAULT_EXTRACT_CONCURRENCY = 2 * EXTRACT_BATCHING.maxSize;
/**
 * Postgres connections for extraction: a batch uses one at a time, so a few suffice for
 * any concurrency (a job waits for a connection rather than open one of its own).
 */
const EXTRACT_CONNECTIONS = 8;

export interface WorkerOptions {
  /** Extraction jobs run at a time (default DEFAULT_EXTRACT_CONCURRENCY). */
  concurrency?: number;
  /** BullMQ lock duration; a dead worker's jobs return to the queue after 1 to 2 times this. */
  lockDurationMs?: number;
  /** Serve Prometheus metrics on this port (0: any free port); omitted: no endpoint. */
  metricsPort?: number;
  /** Period of the reconciliation scheduler (default RECONCILE_EVERY_MS). */
  reconcileEveryMs?: number;
  /** Period of the export retention sweep's scheduler (default EXPIRE_EXPORTS_EVERY_MS). */
  expireExportsEveryMs?: number;
  logger?: Logger;
  /** Aborts the wait for Postgres and Redis (a shutdown signal during start). */
  signal?: AbortSignal;
}

export interface WorkerHandle {
  readonly metrics: WorkerMetrics;
  /** The port of the metrics endpoint, when one was asked for. */
  readonly metricsPort: number | undefined;
  /** Stops taking jobs, waits for the active ones, then closes every connection. */
  close(): Promise<void>;
}

/**
 * Starts the worker: connects (waiting for Postgres and Redis), registers the reconciliation
 * scheduler, runs one reconciliation, then processes extraction and maintenance jobs.
 */
export async function createWorker(
  config: AppConfig,
  options: WorkerOptions = {},
): Promise<WorkerHandle> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const concurrency = options.concurrency ?? DEFAULT_EXTRACT_CONCURRENCY;
  const lockDuration = options.lockDurationMs ?? 30_000;

  const db: DataSource = await connectPostgres(
    config.databaseUrl,
    // and one each for the reconciler, the re-verification sweep and the failure records
    Math.min(concurrency, EXTRACT_CONNECTIONS) + 3,
    logger,
    options.signal,
  );
  let redis: Redis;
  try {
    redis = await connectRedis(config.redisUrl, logger, options.signal);
  } catch (e) {
    await db.destroy();
    throw e;
  }

  // one connection for every queue and worker (BullMQ adds the workers' blocking ones)
  const queueOptions = { connection: redis, prefix: config.queuePrefix };
  const metrics = new WorkerMetrics();
  // review jobs go to their claim's partition (by language and desk, or its assignee)
  const queues = new PartitionedQueueGateway(redis, config.queuePrefix, db);
  const maintenance = new Queue<ReconcileJob['data'], ReconcileSummary, ReconcileJob['name']>(
    QUEUES.maintenance,
    queueOptions,
  );
  // connection errors are already reported by connectRedis; these are the rest (without a
  // listener BullMQ would print them to stderr, outside the JSON log)
  const reportError = (queue: string) => (e: Error) => {
    if (!/ECONNREFUSED|ECONNRESET|Connection is closed/.test(e.message))
      logger.error({ queue, err: e.message }, 'queue error');
  };
  queues.extract.on('error', reportError(QUEUES.extract));
  queues.review.on('error', reportError(QUEUES.review));
  maintenance.on('error', reportError(QUEUES.maintenance));
  const reverifyQueue = new Queue<ReverifyJob['data'], ReverifySummary, ReverifyJob['name']>(
    QUEUES.reverify,
    queueOptions,
  );
  reverifyQueue.on('error', reportError(QUEUES.reverify));
  const extractor = new ExtractArticleProcessor(
    new ExtractionService(db, new AuditLog()),
    queues,
    metrics,
    logger,
  );
  const exportRecords = new ExportRecords(db, new AuditLog());
  const exportJobs = new ExportJobs(redis, config.queuePrefix);
  exportJobs.queue.on('error', reportError(QUEUES.export));
  const exporter = new ExportProcessor(exportRecords, config, metrics, logger);
  const expireExports = new ExpireExportsProcessor(
    new ExportRetention(db, config.exportDir, config.exportRetentionMs, new AuditLog()),
    metrics,
    logger,
  );
  const reconcile = new ReconcileProcessor(new Reconciler(db, queues), metrics, logger, () =>
    exportJobs.requeue(exportRecords),
  );
  const reverify = new ReverifyProcessor(
    new ReverificationService(db, new AuditLog(), queues.partitions, (e: unknown) =>
      logger.warn(
        { err: (e as Error).message },
        'claims due for re-verification not enqueued (the reconciler will)',
      ),
    ),
    metrics,
    logger,
  );
  const workers: { close(): Promise<void> }[] = [];
  const pending = new Set<Promise<void>>();
  let server: Server | undefined;
  let closing: Promise<void> | undefined;

  const close = (): Promise<void> =>
    (closing ??= (async () => {
      logger.info('worker stopping: finishing active jobs');
      // Worker.close waits for the jobs in progress; nothing new is taken meanwhile
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all(pending);
      await maintenance.close();
      await reverifyQueue.close();
      await exportJobs.close();
      await queues.close();
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
      await redis.quit().catch(() => redis.disconnect());
      await db.destroy();
      logger.info('worker stopped');
    })());

  try {
    // one fixed id: every worker upserts the same scheduler, so there is one schedule
    await maintenance.upsertJobScheduler(
      RECONCILE_SCHEDULER_ID,
      { every: options.reconcileEveryMs ?? RECONCILE_EVERY_MS },
      { name: 'reconcile', data: {}, opts: JOB_OPTIONS.reconcile },
    );
    // the same for re-verification: its cron pattern comes from REVERIFY_CRON (the last worker
    // started sets it), in UTC whatever the machine's time zone
    await reverifyQueue.upsertJobScheduler(
      REVERIFY_SCHEDULER_ID,
      { pattern: config.reverifyCron, tz: REVERIFY_TIMEZONE },
      { name: 'reverify-due', data: {}, opts: JOB_OPTIONS.reverify },
    );
    // and for export retention, on the export queue beside the exports themselves
    await exportJobs.queue.upsertJobScheduler(
      EXPIRE_EXPORTS_SCHEDULER_ID,
      { every: options.expireExportsEveryMs ?? EXPIRE_EXPORTS_EVERY_MS },
      { name: 'expire-exports', data: {}, opts: JOB_OPTIONS.expireExports },
    );
    // a sweep at start picks up what was accepted while no worker (or no Redis) was there
    await reconcile
      .run('start')
      .catch((e: unknown) =>
        logger.error({ err: (e as Error).message }, 'reconciliation at start failed'),
      );

    const extractWorker = new Worker<ExtractJob['data'], ExtractSummary, ExtractJob['name']>(
      QUEUES.extract,
      (job) => extractor.process(job),
      {
        ...queueOptions,
        concurrency,
        lockDuration,
        stalledInterval: Math.max(500, Math.floor(lockDuration / 2)),
        maxStalledCount: EXTRACT_MAX_STALLED,
      },
    );
    workers.push(extractWorker);
    extractWorker.on('failed', (job, error) => {
      if (!job) return;
      const handled = extractor
        .onFailed(job, error)
        .catch((e: unknown) =>
          logger.error(
            { jobId: job.id, err: (e as Error).message },
            'could not record the failure of an extraction job',
          ),
        )
        .finally(() => pending.delete(handled));
      pending.add(handled);
    });
    const maintenanceWorker = new Worker<
      ReconcileJob['data'],
      ReconcileSummary,
      ReconcileJob['name']
    >(QUEUES.maintenance, (job) => reconcile.process(job), { ...queueOptions, concurrency: 1 });
    workers.push(maintenanceWorker);
    const reverifyWorker = new Worker<ReverifyJob['data'], ReverifySummary, ReverifyJob['name']>(
      QUEUES.reverify,
      (job) => reverify.process(job),
      { ...queueOptions, concurrency: 1 },
    );
    workers.push(reverifyWorker);
    // exports are long and run in a thread each (see runExport): few at a time, and a lock
    // renewed by an event loop that the encoding never holds up. The retention sweep's jobs
    // share the queue, and wait their turn behind a running export
    const exportWorker = new Worker<
      JobOf<'export'>['data'],
      ExportSummary | ExpirySummary,
      JobOf<'export'>['name']
    >(
      QUEUES.export,
      (job) =>
        job.name === 'expire-exports'
          ? expireExports.process(job as ExpireExportsQueueJob)
          : exporter.process(job as ExportQueueJob),
      { ...queueOptions, concurrency: EXPORT_CONCURRENCY, lockDuration },
    );
    workers.push(exportWorker);
    exportWorker.on('error', reportError(QUEUES.export));
    exportWorker.on('failed', (job, error) => {
      if (!job) return;
      if (job.name === 'expire-exports') {
        logger.error({ jobId: job.id, err: error.message }, 'export retention sweep failed');
        return;
      }
      const handled = exporter
        .onFailed(job as ExportQueueJob, error)
        .catch((e: unknown) =>
          logger.error(
            { jobId: job.id, err: (e as Error).message },
            'could not record the failure of an export job',
          ),
        )
        .finally(() => pending.delete(handled));
      pending.add(handled);
    });
    reverifyWorker.on('error', reportError(QUEUES.reverify));
    reverifyWorker.on('failed', (job, error) =>
      logger.error({ jobId: job?.id, err: error.message }, 're-verification sweep failed'),
    );
    extractWorker.on('error', reportError(QUEUES.extract));
    maintenanceWorker.on('error', reportError(QUEUES.maintenance));
    maintenanceWorker.on('failed', (job, error) =>
      logger.error({ jobId: job?.id, err: error.message }, 'reconciliation failed'),
    );

    let metricsPort: number | undefined;
    if (options.metricsPort !== undefined) {
      const served = await metrics.serve(options.metricsPort);
      server = served.server;
      metricsPort = served.port;
      logger.info({ metricsPort }, `worker metrics on :${metricsPort}/metrics`);
    }
    logger.info(
      { concurrency, queuePrefix: config.queuePrefix },
      `worker processing queue "${QUEUES.extract}" with concurrency ${concurrency}`,
    );
    return { metrics, metricsPort, close };
  } catch (e) {
    await close();
    throw e;
  }
}
