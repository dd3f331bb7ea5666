import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { QUEUES, type ReverifyJob } from '@claimtrail/queues';
import type { ReverificationService } from '@claimtrail/workflow';
import type { WorkerMetrics } from './worker-metrics';

export type ReverifySummary = { requeued: number };
export type ReverifyQueueJob = Job<ReverifyJob['data'], ReverifySummary, ReverifyJob['name']>;

/**
 * Runs the re-verification sweep on the scheduler's beat: every reviewed claim whose verdict
 * is due goes back on the review queue. One job per beat, whichever worker takes it; were
 * two sweeps to run at once, Postgres still gives each claim to one of them.
 */
export class ReverifyProcessor {
  constructor(
    private readonly reverification: ReverificationService,
    private readonly metrics: WorkerMetrics,
    private readonly logger: Logger,
  ) {}

  process(_job: ReverifyQueueJob): Promise<ReverifySummary> {
    return this.metrics.timeSweep(QUEUES.reverify, 'reverified', async () => {
      const requeued = await this.reverification.sweepDue();
      if (requeued > 0)
        this.logger.info({ requeued }, 'claims due for re-verification put back on review');
      return { requeued };
    });
  }
}
