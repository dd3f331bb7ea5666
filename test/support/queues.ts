import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedis, QUEUES } from '@claimtrail/queues';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A queue prefix of its own for one test file, and a way to remove everything under it. */
export function testQueuePrefix(label: string): string {
  return `ct-test-${label
    .replace(/[^a-z0-9]+/gi, '-')
    .toLowerCase()
    .slice(0, 20)}-${randomBytes(4).toString('hex')}`;
}

export async function obliterateQueues(
  prefix: string,
  connection: Redis = createRedis(TEST_REDIS_URL),
): Promise<void> {
  for (const name of Object.values(QUEUES)) {
    const q = new Queue(name, { connection, prefix });
    await q.obliterate({ force: true });
    await q.close();
  }
  await connection.quit();
}
