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
  // and whatever else lives under the prefix (the review partitions and their registry)
  for await (const keys of connection.scanStream({ match: `${prefix}:*`, count: 1000 }))
    if ((keys as string[]).length > 0) await connection.unlink(...(keys as string[]));
  await connection.quit();
}
