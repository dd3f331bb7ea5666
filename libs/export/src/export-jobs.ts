import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUES, exportJob, jobIds, type JobOf } from '@claimtrail/queues';
import type { ExportRecords } from './export-records';

/**
 * The producer side of the export queue. Postgres is the truth: the export row is committed
 * first, then its job added; a job lost on the way (Redis away) is added again by `requeue`,
 * which the worker's reconciler runs.
 */
export class ExportJobs {
  /** The export queue: one job per export, and the retention sweep's scheduled jobs. */
  readonly queue: Queue<JobOf<'export'>['data'], unknown, JobOf<'export'>['name']>;

  constructor(connection: Redis, prefix: string) {
    this.queue = new Queue(QUEUES.export, { connection, prefix });
  }

  async enqueue(exportId: string): Promise<void> {
    const job = exportJob(exportId);
    await this.queue.add(job.name, job.data, job.opts);
  }

  /**
   * Puts back every unfinished export whose job Redis lacks, and retries those whose job
   * failed for good while the failure could not be recorded. Returns how many it touched.
   */
  async requeue(records: ExportRecords, batch = 500): Promise<number> {
    let touched = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const ids = await records.unfinished(after, batch);
      if (ids.length === 0) return touched;
      for (const id of ids) {
        const job = await this.queue.getJob(jobIds.export(id));
        if (!job) {
          await this.enqueue(id);
          touched += 1;
        } else if (await job.isFailed()) {
          await job.retry('failed', { resetAttemptsMade: true });
          touched += 1;
        }
      }
      after = ids[ids.length - 1]!;
    }
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
