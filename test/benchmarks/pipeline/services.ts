import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { ServiceMessage, ServiceSpec } from './service-process';

const ENTRY = join(__dirname, 'service-process.ts');
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

export interface RunningService {
  readonly name: string;
  readonly pid: number | undefined;
  /** The HTTP port, for the API and the bare route. */
  readonly port: number | undefined;
  /** Asks the service to stop (active jobs finish); SIGKILL if it takes too long. */
  stop(): Promise<void>;
}

/**
 * Starts a service process with this process's Node flags (the SWC registration) plus
 * `nodeFlags` (e.g. --cpu-prof), and waits for it to say it is ready.
 */
export async function startService(
  name: string,
  spec: ServiceSpec,
  nodeFlags: string[] = [],
): Promise<RunningService> {
  const child: ChildProcess = fork(ENTRY, [JSON.stringify(spec)], {
    execArgv: [...process.execArgv, ...nodeFlags],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  let timer: NodeJS.Timeout | undefined;
  const message = await Promise.race([
    once(child, 'message').then(([m]) => m as ServiceMessage),
    exited.then(([code]) => ({ error: `exited with code ${String(code)} while starting` })),
    new Promise<ServiceMessage>((resolve) => {
      timer = setTimeout(
        () => resolve({ error: `not ready after ${START_TIMEOUT_MS} ms` }),
        START_TIMEOUT_MS,
      );
    }),
  ]).finally(() => clearTimeout(timer));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) child.send('close');
    else child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(killer);
  };

  if ('error' in message) {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`${name} did not start: ${message.error}`);
  }
  return { name, pid: child.pid, port: message.port, stop };
}
