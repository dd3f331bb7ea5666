import {
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { AuditLog } from '@claimtrail/audit';
import type { AppConfig } from '@claimtrail/config';
import { ReadService } from '@claimtrail/ingest';
import {
  AssignmentService,
  LeaseService,
  LeaseSweeper,
  LeaseWorkers,
  leaseTiming,
  ReviewQueues,
  ReviewUpkeep,
  VerdictService,
  VerdictViews,
} from '@claimtrail/workflow';
import { mayAccess } from '../auth/roles';
import { APP_CONFIG, PRODUCER_REDIS } from '../infrastructure/tokens';
import { ClaimAssignmentController } from './claim-assignment.controller';
import { ReviewController } from './review.controller';

const logger = new Logger('Review');

/** Connection errors are reported by the connection itself; the rest at most every 10 s. */
function reportErrors(): (e: unknown) => void {
  let last = 0;
  return (e) => {
    const message = e instanceof Error ? e.message : String(e);
    if (/ECONNREFUSED|ECONNRESET|Connection is closed|isn't writeable/.test(message)) return;
    if (Date.now() - last < 10_000) return;
    last = Date.now();
    logger.warn(`review queue: ${message}`);
  };
}

/**
 * Keeps leases running out on their own while the API runs (stalled checks on every review
 * partition, the Postgres lease sweep), and stops it all before the connections close.
 */
@Injectable()
export class ReviewLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly upkeep: ReviewUpkeep,
    private readonly workers: LeaseWorkers,
    private readonly queues: ReviewQueues,
  ) {}

  onApplicationBootstrap(): void {
    this.upkeep.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.upkeep.stop();
    await this.workers.close();
    await this.queues.close();
  }
}

/** The review workflow's routes over libs/workflow, on the API's connections. */
@Module({
  controllers: [ReviewController, ClaimAssignmentController],
  providers: [
    {
      provide: ReviewQueues,
      inject: [PRODUCER_REDIS, APP_CONFIG],
      useFactory: (redis: Redis, config: AppConfig) =>
        new ReviewQueues(redis, config.queuePrefix, reportErrors()),
    },
    {
      provide: LeaseWorkers,
      inject: [ReviewQueues, APP_CONFIG],
      useFactory: (queues: ReviewQueues, config: AppConfig) =>
        new LeaseWorkers(queues, leaseTiming(config.reviewLeaseMs), reportErrors()),
    },
    {
      provide: LeaseService,
      inject: [DataSource, AuditLog, ReviewQueues, LeaseWorkers],
      useFactory: (db: DataSource, audit: AuditLog, queues: ReviewQueues, workers: LeaseWorkers) =>
        new LeaseService(db, audit, queues, workers),
    },
    {
      provide: VerdictService,
      inject: [LeaseService, APP_CONFIG],
      // verdicts without a re-verification date get the policy's (REVERIFY_AFTER)
      useFactory: (leases: LeaseService, config: AppConfig) =>
        new VerdictService(leases, config.reverifyAfter),
    },
    {
      provide: AssignmentService,
      inject: [DataSource, AuditLog, ReviewQueues],
      useFactory: (db: DataSource, audit: AuditLog, queues: ReviewQueues) =>
        new AssignmentService(
          db,
          audit,
          queues,
          (role) => mayAccess(role, ['reviewer']),
          (e) =>
            logger.warn(
              `claim assigned but its job not moved (the reconciler will): ${(e as Error).message}`,
            ),
        ),
    },
    {
      provide: VerdictViews,
      inject: [DataSource, ReadService],
      useFactory: (db: DataSource, read: ReadService) => new VerdictViews(db, read),
    },
    {
      provide: ReviewUpkeep,
      inject: [DataSource, AuditLog, LeaseWorkers],
      useFactory: (db: DataSource, audit: AuditLog, workers: LeaseWorkers) => {
        const { stalledIntervalMs } = workers.timing;
        return new ReviewUpkeep(
          workers,
          new LeaseSweeper(db, audit, stalledIntervalMs),
          stalledIntervalMs,
          reportErrors(),
        );
      },
    },
    ReviewLifecycle,
  ],
  exports: [VerdictViews, ReviewQueues],
})
export class ReviewModule {}
