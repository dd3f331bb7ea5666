import { ConfigError, loadConfig, loadWorkerConfig } from '@claimtrail/config';
import { createWorker, type WorkerHandle } from './create-worker';
import { createLogger } from './logger';

/**
 * The worker process: validate the configuration, wait for Postgres and Redis, process jobs
 * until SIGTERM or SIGINT, then let the active jobs finish, close everything and exit 0.
 */
export async function bootstrap(): Promise<void> {
  const problems: string[] = [];
  const load = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push(...e.message.split('\n').slice(1));
      return undefined;
    }
  };
  const config = load(() => loadConfig());
  const workerConfig = load(() => loadWorkerConfig());
  if (!config || !workerConfig) {
    process.stderr.write(`claimtrail worker: invalid configuration:\n${problems.join('\n')}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  const starting = new AbortController();
  let handle: WorkerHandle | undefined;
  let stopping = false;

  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'already stopping; waiting for the active jobs');
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutdown requested');
    starting.abort();
    if (!handle) return; // still starting: createWorker gives up and bootstrap exits below
    handle.close().then(
      () => process.exit(0),
      (e: unknown) => {
        logger.error({ err: (e as Error).message }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  try {
    handle = await createWorker(config, { ...workerConfig, logger, signal: starting.signal });
  } catch (e) {
    if (stopping) process.exit(0);
    logger.fatal({ err: (e as Error).message }, 'worker could not start');
    process.exit(1);
  }
  if (stopping) {
    // the signal came while the last connection was being made
    await handle.close();
    process.exit(0);
  }
}
