import { Redis, type RedisOptions } from 'ioredis';

/** An ioredis connection as BullMQ wants it: commands wait for a reconnect instead of failing. */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, ...options });
}
