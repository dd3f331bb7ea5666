import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { endpointOf } from '@claimtrail/config';
import { createDataSource } from '@claimtrail/persistence';
import { createRedis } from '@claimtrail/queues';

const MAX_DELAY_MS = 5_000;
/** How often a Redis that stays down is reported (ioredis retries far more often). */
const REDIS_REPORT_EVERY_MS = 10_000;

const messageOf = (e: unknown): string =>
  e instanceof AggregateError && e.errors.length > 0
    ? messageOf(e.errors[0])
    : e instanceof Error
      ? e.message || e.name
      : String(e);

/**
 * Connects to Postgres, retrying with backoff until it answers and its schema is migrated:
 * a worker started before its database (compose, a reboot) waits instead of crashing.
 */
export async function connectPostgres(
  url: string,
  poolSize: number,
  logger: Logger,
  signal?: AbortSignal,
): Promise<DataSource> {
  const where = endpointOf(url);
  for (let attempt = 1; ; attempt += 1) {
    signal?.throwIfAborted();
    const db = createDataSource(url, poolSize);
    let problem: string;
    try {
      await db.initialize();
      if (!(await db.showMigrations())) {
        logger.info({ postgres: where }, `connected to Postgres at ${where}`);
        return db;
      }
      problem = 'the schema has pending migrations (run `npm run cli -- migrate`)';
    } catch (e) {
      problem = messageOf(e);
    }
    if (db.isInitialized) await db.destroy().catch(() => undefined);
    const delay = Math.min(500 * 2 ** (attempt - 1), MAX_DELAY_MS);
    logger.warn(
      { postgres: where, attempt },
      `waiting for Postgres at ${where}: ${problem}; retrying in ${delay / 1000} s`,
    );
    await sleep(delay, undefined, { signal });
  }
}

/**
 * A Redis connection as BullMQ wants it (commands wait for a reconnect), resolved once Redis
 * answers. ioredis keeps reconnecting on its own; outages are logged, at most every 10 s.
 */
export async function connectRedis(
  url: string,
  logger: Logger,
  signal?: AbortSignal,
): Promise<Redis> {
  signal?.throwIfAborted();
  const where = endpointOf(url);
  const redis = createRedis(url);
  let lastReport = 0;
  let down = false;
  redis.on('error', (e: unknown) => {
    down = true;
    const now = Date.now();
    if (now - lastReport < REDIS_REPORT_EVERY_MS) return;
    lastReport = now;
    logger.warn({ redis: where }, `waiting for Redis at ${where}: ${messageOf(e)}`);
  });
  redis.on('ready', () => {
    if (down) logger.info({ redis: where }, `Redis at ${where} is back`);
    down = false;
  });
  try {
    await new Promise<void>((resolve, reject) => {
      if (redis.status === 'ready') return resolve();
      const onAbort = () =>
        reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      signal?.addEventListener('abort', onAbort, { once: true });
      redis.once('ready', () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  } catch (e) {
    redis.disconnect();
    throw e;
  }
  logger.info({ redis: where }, `connected to Redis at ${where}`);
  return redis;
}
