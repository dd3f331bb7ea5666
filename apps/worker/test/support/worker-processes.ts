import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');
const MAIN = join(ROOT, 'apps/worker/src/main.ts');

/**
 * Worker processes for a test, each its own process as in production. The worker's code
 * needs no decorator metadata, so it runs from source with tsx as a loader (`node --import
 * tsx`, one process: the tsx command would put a wrapper process in front of the worker,
 * and a signal would hit only the wrapper). What they write to standard error is kept.
 */
export class WorkerProcesses {
  private readonly running = new Set<ChildProcess>();
  /** Everything the workers wrote to standard error. */
  stderr = '';

  /** Starts a worker on the test's database and queue prefix, with `env` on top. */
  start(
    connection: { databaseUrl: string; redisUrl: string; queuePrefix: string },
    env: Record<string, string>,
  ): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: connection.databaseUrl,
        REDIS_URL: connection.redisUrl,
        QUEUE_PREFIX: connection.queuePrefix,
        LOG_LEVEL: 'error',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.running.add(child);
    child.once('exit', () => this.running.delete(child));
    return child;
  }

  /** Sends `signal` and resolves with the exit code once the worker has exited. */
  async stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const exited = once(child, 'exit') as Promise<[number | null]>;
    child.kill(signal);
    return (await exited)[0];
  }

  /** Kills every worker still running. */
  async killAll(): Promise<void> {
    await Promise.all([...this.running].map((c) => this.stop(c, 'SIGKILL')));
  }
}
