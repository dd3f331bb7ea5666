import { Queue, Worker } from 'bullmq';
import { createRedis } from '@claimtrail/queues';

const JOBS = 20_000;
const CHUNK = 1_000;
const CONCURRENCY = 50;
const TIMEOUT_MS = 60_000;

/**
 * Bare BullMQ on the same Redis: 20,000 no-op jobs added with addBulk in chunks of 1,000
 * while one Worker (concurrency 50, in this process) completes them; the time from the
 * first addBulk until the last completion. Returns jobs per second. Everything under
 * `prefix` is removed afterwards.
 */
export async function bullmqNoopJobsPerSecond(redisUrl: string, prefix: string): Promise<number> {
  const connection = createRedis(redisUrl);
  const workerConnection = createRedis(redisUrl);
  const queue = new Queue('noop', { connection, prefix });
  let completed = 0;
  let allDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allDone = resolve));
  const worker = new Worker('noop', () => Promise.resolve(), {
    connection: workerConnection,
    prefix,
    concurrency: CONCURRENCY,
  });
  worker.on('completed', () => {
    if (++completed === JOBS) allDone();
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await worker.waitUntilReady();
    const started = performance.now();
    for (let i = 0; i < JOBS; i += CHUNK) {
      await queue.addBulk(
        Array.from({ length: CHUNK }, (_, k) => ({ name: 'noop', data: { n: i + k } })),
      );
    }
    await Promise.race([
      done,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`only ${completed} of ${JOBS} no-op jobs done in time`)),
          TIMEOUT_MS,
        );
      }),
    ]);
    return JOBS / ((performance.now() - started) / 1000);
  } finally {
    clearTimeout(timer);
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await Promise.all([connection.quit(), workerConnection.quit()]);
  }
}
