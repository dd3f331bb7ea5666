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

  async run(trigger: 'start' | 'schedule'): Promise<ReconcileSummary> {
    const timer = this.metrics.jobDuration.startTimer({ queue: QUEUES.maintenance });
    try {
      const swept: ReconcileSummary = await this.reconciler.run();
      if (this.requeueExports) swept.exports = await this.requeueExports();
      timer({ outcome: 'reconciled' });
      this.logger.info({ trigger, ...swept }, 'reconciled queues with Postgres');
      return swept;
    } catch (e) {
      timer({ outcome: 'error' });
      this.metrics.jobFailures.inc({ queue: QUEUES.maintenance, kind: 'transient' });
      throw e;
    }
  }

  process(_job: ReconcileQueueJob): Promise<ReconcileSummary> {
    return this.run('schedule');
  }
}
