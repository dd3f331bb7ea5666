import { Logger, Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuditLog } from '@claimtrail/audit';
import type { AppConfig } from '@claimtrail/config';
import { ReverificationService, ReverificationStatus, ReviewQueues } from '@claimtrail/workflow';
import { APP_CONFIG, REVERIFY_QUEUE } from '../infrastructure/tokens';
import { ReviewModule } from '../review/review.module';
import { ClaimReverifyController } from './claim-reverify.controller';
import { ReverificationStatusController } from './reverification-status.controller';

const logger = new Logger('Reverification');

/**
 * Re-verification in the API: an editor sends a reviewed claim back to review, and anyone
 * may read the policy, the sweep's schedule and what is due. The sweep itself runs in the
 * worker; the API only reads its queue (REVERIFY_QUEUE, from the infrastructure module).
 */
@Module({
  imports: [ReviewModule],
  controllers: [ClaimReverifyController, ReverificationStatusController],
  providers: [
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
  ],
})
export class ReverificationModule {}
