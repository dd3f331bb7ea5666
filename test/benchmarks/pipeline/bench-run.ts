import type { Redis } from 'ioredis';
import type { TestDatabase } from '../../support/database';
import { obliterateQueues } from '../../support/queues';
import { progress } from './bench-output';

/**
 * Runs a benchmark's body and then its clean-up, whether the body finished, failed or was
 * interrupted with Ctrl-C; after an interruption the process exits (130) once cleaned up, so
 * whatever the interrupted phase left running (HTTP clients, timers) cannot keep it alive.
 */
export async function runThenCleanUp(
  body: () => Promise<void>,
  cleanUp: () => Promise<void>,
): Promise<void> {
  let wasInterrupted = false;
  const interrupted = new Promise<never>((_, reject) =>
    process.once('SIGINT', () => {
      wasInterrupted = true;
      reject(new Error('interrupted'));
    }),
  );
  try {
    await Promise.race([interrupted, body()]);
  } finally {
    await cleanUp();
    if (wasInterrupted) process.exit(130);
  }
}

/**
 * Removes what a benchmark left in Redis (everything under its queue prefix) and its
 * database; what cannot be removed is reported, not thrown, so the rest still goes.
 */
export async function removeBenchData(
  redis: Redis,
  prefix: string,
  db: TestDatabase | undefined,
): Promise<void> {
  await obliterateQueues(prefix, redis.duplicate()).catch((e: unknown) =>
    progress(`could not remove the queues under ${prefix}: ${(e as Error).message}`),
  );
  redis.disconnect();
  await db
    ?.drop()
    .catch((e: unknown) => progress(`could not drop ${db.name}: ${(e as Error).message}`));
}
