import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Reconciler } from '@claimtrail/ingest';
import { QUEUES, type ReconcileJob } from '@claimtrail/queues';
import type { WorkerMetrics } from './worker-metrics';

export type ReconcileSummary = { articles: number; claims: number; exports?: number };
export type ReconcileQueueJob = Job<ReconcileJob['data'], ReconcileSummary, ReconcileJob['name']>;

/** Runs the reconciler: what Postgres says should be on a queue is put (back) there. */
export class ReconcileProcessor {
  constructor(
    private readonly reconciler: Reconciler,
    private readonly metrics: WorkerMetrics,
    private readonly logger: Logger,
    /** Puts back unfinished exports whose job Redis lacks; returns how many. */
    private readonly requeueExports?: () => Promise<number>,
  ) {}

  run(trigger: 'start' | 'schedule'): Promise<ReconcileSummary> {
    return this.metrics.timeSweep(QUEUES.maintenance, 'reconciled', async () => {
      const swept: ReconcileSummary = await this.reconciler.run();
      if (this.requeueExports) swept.exports = await this.requeueExports();
      this.logger.info({ trigger, ...swept }, 'reconciled queues with Postgres');
      return swept;
    });
  }

  process(_job: ReconcileQueueJob): Promise<ReconcileSummary> {
    return this.run('schedule');
  }
}
