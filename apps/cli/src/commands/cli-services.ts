import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@claimtrail/audit';
import { endpointOf, type AppConfig } from '@claimtrail/config';
import { ApiKeyService, ArticleService, QueueGateway } from '@claimtrail/ingest';
import { createDataSource } from '@claimtrail/persistence';
import { createRedis } from '@claimtrail/queues';

/** A failure a command reports as one line with exit status 1 (Postgres down, say). */
export class CommandError extends Error {}

/** How long a command waits for Redis before saying it is unavailable. */
const REDIS_CONNECT_TIMEOUT_MS = 3_000;

export const messageOf = (e: unknown): string =>
  e instanceof AggregateError && e.errors.length > 0
    ? messageOf(e.errors[0])
    : e instanceof Error
      ? e.message || e.name
      : String(e);

/** Opens a data source on `url`, translating a refusal into one line that says what to do. */
export async function openDatabase(url: string, poolSize = 2): Promise<DataSource> {
  const db = createDataSource(url, poolSize);
  try {
    await db.initialize();
  } catch (e) {
    const why = messageOf(e);
    const hint = /database .* does not exist/.test(why)
      ? ' (run "npm run cli -- migrate" to create it)'
      : '';
    throw new CommandError(`cannot use Postgres at ${endpointOf(url)}: ${why}${hint}`);
  }
  return db;
}

/**
 * The services the CLI commands use, built from the configuration and opened on first use,
 * so a command connects only to what it needs. `close()` releases whatever was opened.
 */
export class CliServices {
  readonly audit = new AuditLog();
  private database?: Promise<DataSource>;
  private redis?: Redis;
  private gateway?: Promise<QueueGateway>;
  /** Articles that were stored but could not be put on the queue (Redis went away). */
  notEnqueued = 0;

  constructor(readonly config: AppConfig) {}

  /** The database, migrated: commands other than `migrate` refuse an outdated schema. */
  db(): Promise<DataSource> {
    return (this.database ??= (async () => {
      const db = await openDatabase(this.config.databaseUrl);
      if (await db.showMigrations()) {
        await db.destroy();
        throw new CommandError(
          `the database at ${endpointOf(this.config.databaseUrl)} is not migrated (run "npm run cli -- migrate")`,
        );
      }
      return db;
    })());
  }

  /**
   * The producer side of the queues on a connection that fails fast: if Redis goes away
   * while a command runs, an article is still stored and the worker's reconciler queues it.
   */
  queues(): Promise<QueueGateway> {
    return (this.gateway ??= (async () => {
      const where = endpointOf(this.config.redisUrl);
      const redis = createRedis(this.config.redisUrl, {
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
        retryStrategy: (times) => (times > 3 ? null : 200 * times),
      });
      let lastError: unknown;
      redis.on('error', (e) => (lastError = e));
      this.redis = redis;
      try {
        await redis.connect();
      } catch (e) {
        throw new CommandError(`cannot reach Redis at ${where}: ${messageOf(lastError ?? e)}`);
      }
      const gateway = new QueueGateway(redis, this.config.queuePrefix);
      // the outcome of every enqueue is reported by the caller; keep BullMQ from printing it too
      gateway.extract.on('error', () => undefined);
      gateway.review.on('error', () => undefined);
      return gateway;
    })());
  }

  async articles(): Promise<ArticleService> {
    const [db, queues] = await Promise.all([this.db(), this.queues()]);
    return new ArticleService(db, this.audit, queues, () => (this.notEnqueued += 1));
  }

  async apiKeys(): Promise<ApiKeyService> {
    return new ApiKeyService(await this.db(), this.audit);
  }

  async close(): Promise<void> {
    const gateway = await this.gateway?.catch(() => undefined);
    await gateway?.close().catch(() => undefined);
    this.redis?.disconnect();
    const db = await this.database?.catch(() => undefined);
    if (db?.isInitialized) await db.destroy();
  }
}
