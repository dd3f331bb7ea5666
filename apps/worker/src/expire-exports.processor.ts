import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import type { ExportRetention, ExpirySummary } from '@claimtrail/export';
import { QUEUES, type ExpireExportsJob } from '@claimtrail/queues';
import type { WorkerMetrics } from './worker-metrics';

export type ExpireExportsQueueJob = Job<
  ExpireExportsJob['data'],
  ExpirySummary,
  ExpireExportsJob['name']
>;

/**
 * Runs the export retention sweep on the scheduler's beat: the files of exports older than
 * EXPORT_RETENTION are deleted and the exports marked expired. One job per beat, whichever
 * worker takes it; were two sweeps to run at once, row locks still give each export to one.
 */
export class ExpireExportsProcessor {
  constructor(
    private readonly retention: ExportRetention,
    private readonly metrics: WorkerMetrics,
    private readonly logger: Logger,
  ) {}

  process(_job: ExpireExportsQueueJob): Promise<ExpirySummary> {
    return this.metrics.timeSweep(QUEUES.export, 'expired', async () => {
      const summary = await this.retention.sweep();
      if (summary.expired > 0)
        this.logger.info(
          { expired: summary.expired, missing: summary.missing },
          'export files past their retention deleted',
        );
      // an export whose file cannot be deleted stays done and is tried again next time; say
      // so every time, since only an operator can fix it (permissions, a read-only disk)
      if (summary.failed.length > 0)
        this.logger.warn(
          { failed: summary.failed.slice(0, 10), count: summary.failed.length },
          'export files past their retention could not be deleted',
        );
      return summary;
    });
  }
}
