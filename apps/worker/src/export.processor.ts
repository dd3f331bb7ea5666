import { join } from 'node:path';
import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { ExportConfig } from '@claimtrail/config';
import {
  exportFileName,
  isPermanentExportError,
  runExport,
  type ExportRecords,
} from '@claimtrail/export';
import { DomainError } from '@claimtrail/ingest';
import { QUEUES, type ExportJob } from '@claimtrail/queues';
import type { WorkerMetrics } from './worker-metrics';

export type ExportSummary =
  | { outcome: 'exported'; rows: number; bytes: number; sha256: string }
  | { outcome: 'already-done' };
export type ExportQueueJob = Job<ExportJob['data'], ExportSummary, ExportJob['name']>;

/** Export jobs a worker runs at a time: each holds a Postgres snapshot and a thread of its own. */
export const EXPORT_CONCURRENCY = 1;

/**
 * Writes exports, one job per export: the row says what to write; the file goes to
 * EXPORT_DIR (written in a thread of its own, see runExport) and the row records its hash
 * and chain head. A job delivered again for a finished export does nothing; a new attempt at
 * an unfinished one writes the file again from the start. Postgres or disk trouble is
 * retried with backoff; an export directory that cannot be written fails at once.
 */
export class ExportProcessor {
  constructor(
    private readonly records: ExportRecords,
    private readonly settings: Pick<ExportConfig, 'exportDir' | 'newsroom' | 'publicBaseUrl'> & {
      databaseUrl: string;
    },
    private readonly metrics: WorkerMetrics,
    private readonly logger: Logger,
  ) {}

  async process(job: ExportQueueJob): Promise<ExportSummary> {
    const { exportId } = job.data;
    const timer = this.metrics.jobDuration.startTimer({ queue: QUEUES.export });
    try {
      const task = await this.records.start(exportId);
      if (!task) {
        timer({ outcome: 'already-done' });
        return { outcome: 'already-done' };
      }
      const file = exportFileName(task.id, task.kind);
      const started = performance.now();
      const outcome = await runExport(
        this.settings.databaseUrl,
        task,
        join(this.settings.exportDir, file),
        {
          publisher: {
            newsroom: this.settings.newsroom,
            publicBaseUrl: this.settings.publicBaseUrl,
          },
          onProgress: async (percent) => {
            await job.updateProgress(percent);
            await this.records.progress(task.id, percent);
          },
        },
      );
      await this.records.complete(task.id, outcome, file);
      await job.updateProgress(100);
      timer({ outcome: 'exported' });
      this.logger.info(
        {
          exportId,
          kind: task.kind,
          rows: outcome.rows,
          bytes: outcome.bytes,
          auditHeadSeq: outcome.auditHeadSeq,
          ms: Math.round(performance.now() - started),
        },
        `export ${task.kind} written`,
      );
      return {
        outcome: 'exported',
        rows: outcome.rows,
        bytes: outcome.bytes,
        sha256: outcome.sha256,
      };
    } catch (e) {
      timer({ outcome: 'error' });
      if (e instanceof DomainError && e.code === 'not_found')
        throw new UnrecoverableError(e.message);
      if (isPermanentExportError(e))
        throw new UnrecoverableError(`cannot write to EXPORT_DIR: ${(e as Error).message}`);
      throw e;
    }
  }

  /** Every failed attempt; once BullMQ gives up, the export is marked failed with why. */
  async onFailed(job: ExportQueueJob, error: Error): Promise<void> {
    const final = typeof job.finishedOn === 'number';
    const permanent = error instanceof UnrecoverableError || error.name === 'UnrecoverableError';
    const kind = !final ? 'transient' : permanent ? 'permanent' : 'exhausted';
    this.metrics.jobFailures.inc({ queue: QUEUES.export, kind });
    const { exportId } = job.data;
    const context = { jobId: job.id, exportId, attempt: job.attemptsMade };
    if (!final) {
      this.logger.warn({ ...context, err: error.message }, 'export attempt failed; will retry');
      return;
    }
    this.logger.error({ ...context, err: error.message, kind }, 'export failed for good');
    await this.records.fail(
      exportId,
      permanent ? error.message : `gave up after ${job.attemptsMade} attempts: ${error.message}`,
    );
  }
}
