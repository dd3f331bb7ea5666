import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { AuditLog } from '@claimtrail/audit';
import type { AppConfig } from '@claimtrail/config';
import { ExportJobs } from '@claimtrail/export';
import { ApiKeyService, ArticleService, QueueGateway, ReadService } from '@claimtrail/ingest';
import { createDataSource } from '@claimtrail/persistence';
import { createRedis, QUEUES } from '@claimtrail/queues';
import { FailFastQueueGateway } from './fail-fast-queue-gateway';
import { MonitoredQueues } from './monitored-queues';
import { APP_CONFIG, PRODUCER_REDIS, REVERIFY_QUEUE } from './tokens';

/** Connections per API process; requests are short, so a small pool goes a long way. */
const DB_POOL_SIZE = 20;
/** How long the start waits for Redis; the API starts without it and reports it in /health. */
const REDIS_READY_WAIT_MS = 2_000;

const logger = new Logger('Infrastructure');

async function connectRedis(url: string): Promise<Redis> {
  // no offline queue and one retry: a command fails at once while Redis is away instead of
  // holding the HTTP request; ioredis keeps reconnecting in the background. Commands sent in
  // one turn of the event loop leave in one write (auto-pipelining): under load the leases'
  // and verdicts' lock scripts of many requests share a round trip
  const redis = createRedis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    enableAutoPipelining: true,
  });
  let lastReport = 0;
  redis.on('error', (e: Error) => {
    // while Redis is down every reconnect attempt errors; one line in ten seconds is enough
    if (Date.now() - lastReport < 10_000) return;
    lastReport = Date.now();
    logger.warn(`redis: ${e.message}`);
  });
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, REDIS_READY_WAIT_MS);
    function done() {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    }
    if (redis.status === 'ready') done();
    else redis.once('ready', done);
  });
  return redis;
}

/** Closes what the providers opened, after the HTTP server has stopped taking requests. */
@Injectable()
export class ConnectionsCloser implements OnApplicationShutdown {
  constructor(
    private readonly db: DataSource,
    @Inject(PRODUCER_REDIS) private readonly redis: Redis,
    private readonly queues: QueueGateway,
    @Inject(REVERIFY_QUEUE) private readonly reverify: Queue,
    private readonly exportJobs: ExportJobs,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    const closed = await Promise.allSettled([
      this.queues.close(),
      this.reverify.close(),
      this.exportJobs.close(),
    ]);
    for (const r of closed)
      if (r.status === 'rejected') logger.warn(`closing queues: ${(r.reason as Error).message}`);
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
    if (this.db.isInitialized) await this.db.destroy();
  }
}

/**
 * The connections, the queue handles and the domain services of libs/ingest, built once for
 * the process. Controllers get the services injected and stay thin.
 */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: DataSource,
          useFactory: async () => {
            const db = createDataSource(config.databaseUrl, DB_POOL_SIZE);
            await db.initialize();
            return db;
          },
        },
        { provide: PRODUCER_REDIS, useFactory: () => connectRedis(config.redisUrl) },
        {
          provide: QueueGateway,
          inject: [PRODUCER_REDIS],
          useFactory: (redis: Redis) => {
            const gateway = new FailFastQueueGateway(redis, config.queuePrefix);
            // BullMQ re-emits connection errors on each queue; the connection already logs them
            for (const q of [gateway.extract, gateway.review]) q.on('error', () => undefined);
            return gateway;
          },
        },
        {
          // the workers schedule the sweep on it; the API reads the schedule and shows the queue
          provide: REVERIFY_QUEUE,
          inject: [PRODUCER_REDIS],
          useFactory: (redis: Redis) => {
            const queue = new Queue(QUEUES.reverify, {
              connection: redis,
              prefix: config.queuePrefix,
            });
            queue.on('error', () => undefined);
            return queue;
          },
        },
        {
          provide: ExportJobs,
          inject: [PRODUCER_REDIS],
          useFactory: (redis: Redis) => {
            const jobs = new ExportJobs(redis, config.queuePrefix);
            jobs.queue.on('error', () => undefined);
            return jobs;
          },
        },
        {
          provide: MonitoredQueues,
          inject: [QueueGateway, REVERIFY_QUEUE, ExportJobs],
          useFactory: (gateway: QueueGateway, reverify: Queue, exportJobs: ExportJobs) =>
            new MonitoredQueues([
              { name: QUEUES.extract, queue: gateway.extract },
              { name: QUEUES.review, queue: gateway.review },
              { name: QUEUES.reverify, queue: reverify },
              { name: QUEUES.export, queue: exportJobs.queue },
            ]),
        },
        { provide: AuditLog, useValue: new AuditLog() },
        {
          provide: ArticleService,
          inject: [DataSource, AuditLog, QueueGateway],
          useFactory: (db: DataSource, audit: AuditLog, queues: QueueGateway) =>
            new ArticleService(db, audit, queues, (e) =>
              logger.warn(
                `article accepted but not enqueued (the reconciler will): ${(e as Error).message}`,
              ),
            ),
        },
        {
          provide: ApiKeyService,
          inject: [DataSource, AuditLog],
          useFactory: (db: DataSource, audit: AuditLog) => new ApiKeyService(db, audit),
        },
        {
          provide: ReadService,
          inject: [DataSource],
          useFactory: (db: DataSource) => new ReadService(db),
        },
        ConnectionsCloser,
      ],
      exports: [
        APP_CONFIG,
        DataSource,
        PRODUCER_REDIS,
        QueueGateway,
        REVERIFY_QUEUE,
        ExportJobs,
        MonitoredQueues,
        AuditLog,
        ArticleService,
        ApiKeyService,
        ReadService,
      ],
    };
  }
}
