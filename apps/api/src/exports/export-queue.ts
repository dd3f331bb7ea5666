import { Injectable, Logger } from '@nestjs/common';
import { ExportJobs } from '@claimtrail/export';
import { QueueGateway } from '@claimtrail/ingest';
import { FailFastQueueGateway } from '../infrastructure/fail-fast-queue-gateway';

const logger = new Logger('Exports');

/**
 * Puts export jobs on the queue without making a request wait for Redis: the export row is
 * committed already, and when Redis is away the worker's reconciler adds the job later.
 */
@Injectable()
export class ExportQueue {
  constructor(
    private readonly jobs: ExportJobs,
    private readonly gateway: QueueGateway,
  ) {}

  async enqueue(exportId: string): Promise<void> {
    const add = () => this.jobs.enqueue(exportId);
    try {
      await (this.gateway instanceof FailFastQueueGateway ? this.gateway.bounded(add) : add());
    } catch (e) {
      logger.warn(
        `export ${exportId} recorded but not queued (the reconciler will): ${(e as Error).message}`,
      );
    }
  }
}
