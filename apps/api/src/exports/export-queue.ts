import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '@claimtrail/config';
import { ExportJobs } from '@claimtrail/export';
import { QueueGateway } from '@claimtrail/ingest';
import { FailFastQueueGateway } from '../infrastructure/fail-fast-queue-gateway';
import { APP_CONFIG, PRODUCER_REDIS } from '../infrastructure/tokens';

const logger = new Logger('Exports');

/**
 * Puts export jobs on the queue without making a request wait for Redis: the export row is
 * committed already, and when Redis is away the worker's reconciler adds the job later.
 */
@Injectable()
export class ExportQueue implements OnModuleDestroy {
  private readonly jobs: ExportJobs;

  constructor(
    @Inject(PRODUCER_REDIS) redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly gateway: QueueGateway,
  ) {
    this.jobs = new ExportJobs(redis, config.queuePrefix);
    // the connection reports its own errors
    this.jobs.queue.on('error', () => undefined);
  }

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

  async onModuleDestroy(): Promise<void> {
    await this.jobs.close().catch(() => undefined);
  }
}
