import { Inject, Injectable, Logger, Module, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { AuditLog } from '@claimtrail/audit';
import type { AppConfig } from '@claimtrail/config';
import { QUEUES } from '@claimtrail/queues';
import { ReverificationService, ReverificationStatus, ReviewQueues } from '@claimtrail/workflow';
import { APP_CONFIG, PRODUCER_REDIS } from '../infrastructure/tokens';
import { ReviewModule } from '../review/review.module';
import { ClaimReverifyController } from './claim-reverify.controller';
import { ReverificationStatusController } from './reverification-status.controller';

/** The queue the workers' re-verification sweep is scheduled on; the API only reads it. */
const REVERIFY_QUEUE = Symbol('REVERIFY_QUEUE');

const logger = new Logger('Reverification');

/** Closes the sweep queue's handle before the connections close. */
@Injectable()
export class ReverifyQueueCloser implements OnModuleDestroy {
  constructor(@Inject(REVERIFY_QUEUE) private readonly queue: Queue) {}

  async onModuleDestroy(): Promise<void> {
    await this.queue.close();
  }
}

/**
 * Re-verification in the API: an editor sends a reviewed claim back to review, and anyone
 * may read the policy, the sweep's schedule and what is due. The sweep itself runs in the
 * worker.
 */
@Module({
  imports: [ReviewModule],
  controllers: [ClaimReverifyController, ReverificationStatusController],
  providers: [
    {
      provide: REVERIFY_QUEUE,
      inject: [PRODUCER_REDIS, APP_CONFIG],
      useFactory: (redis: Redis, config: AppConfig) => {
        const queue = new Queue(QUEUES.reverify, {
          connection: redis,
          prefix: config.queuePrefix,
        });
        // the connection reports its own errors
        queue.on('error', () => undefined);
        return queue;
      },
    },
    {
      provide: ReverificationService,
      inject: [DataSource, AuditLog, ReviewQueues],
      useFactory: (db: DataSource, audit: AuditLog, queues: ReviewQueues) =>
        new ReverificationService(db, audit, queues, (e) =>
          logger.warn(
            `claim sent back for re-verification but not enqueued (the reconciler will): ${(e as Error).message}`,
          ),
        ),
    },
    {
      provide: ReverificationStatus,
      inject: [DataSource, REVERIFY_QUEUE, APP_CONFIG],
      useFactory: (db: DataSource, queue: Queue, config: AppConfig) =>
        new ReverificationStatus(db, queue, config.reverifyAfter, config.reverifyCron),
    },
    ReverifyQueueCloser,
  ],
})
export class ReverificationModule {}
