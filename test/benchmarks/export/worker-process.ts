import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@claimtrail/config';

const ROOT = join(__dirname, '../../..');
const BUILT_MAIN = join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');
const SOURCE_MAIN = join(ROOT, 'apps/worker/src/main.ts');
const READY_TIMEOUT_MS = 90_000;

export interface WorkerProcess {
  pid: number;
  /** The process's peak resident memory so far (VmHWM), in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** Builds the worker as `npm start` and the Docker image do (nest build). */
export function buildWorker(): void {
  const built = spawnSync('npx', ['nest', 'build', 'worker'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0 || !existsSync(BUILT_MAIN)) throw new Error('`nest build worker` failed');
}

const vmHwmMb = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
  return kb / 1024;
};

/**
 * The real worker in a process of its own, configured through its environment as in
 * production: the built JavaScript (`built`), or the TypeScript sources through tsx.
 * Resolves once it processes its queues.
 */
export async function startWorkerProcess(
  config: AppConfig,
  mode: 'built' | 'tsx',
): Promise<WorkerProcess> {
  const args = mode === 'built' ? [BUILT_MAIN] : ['--import', 'tsx', SOURCE_MAIN];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: config.databaseUrl,
      REDIS_URL: config.redisUrl,
      QUEUE_PREFIX: config.queuePrefix,
      EXPORT_DIR: config.exportDir,
      LOG_LEVEL: 'info',
      WORKER_CONCURRENCY: '4',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the worker did not start')), READY_TIMEOUT_MS);
    child.stdout!.on('data', (d: Buffer) => {
      log = (log + d.toString()).slice(-20_000);
      if (log.includes('worker processing queue')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(([code]) => {
      clearTimeout(timer);
      reject(new Error(`the worker exited with ${String(code)} while starting:\n${log}`));
    });
  });
  // keep draining its log so that it never blocks on a full pipe
  child.stdout!.resume();
  return {
    pid: child.pid!,
    peakRssMb: () => vmHwmMb(child.pid!),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
