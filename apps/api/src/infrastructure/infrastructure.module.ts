import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { AuditLog } from '@claimtrail/audit';
import type { AppConfig } from '@claimtrail/config';
import { ApiKeyService, ArticleService, QueueGateway, ReadService } from '@claimtrail/ingest';
import { createDataSource } from '@claimtrail/persistence';
import { createRedis } from '@claimtrail/queues';
import { FailFastQueueGateway } from './fail-fast-queue-gateway';
import { APP_CONFIG, PRODUCER_REDIS } from './tokens';

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
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queues.close().catch((e: Error) => logger.warn(`closing queues: ${e.message}`));
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
    if (this.db.isInitialized) await this.db.destroy();
  }
}

/**
 * The connections and the domain services of libs/ingest, built once for the process.
 * Controllers get the services injected and stay thin.
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
        AuditLog,
        ArticleService,
        ApiKeyService,
        ReadService,
      ],
    };
  }
}
