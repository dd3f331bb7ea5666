import { ConfigError } from './app-config';

/** Settings only the worker process reads, validated at its start like AppConfig. */
export interface WorkerConfig {
  /** Extraction jobs one worker process runs at a time; undefined: the worker's default. */
  concurrency: number | undefined;
  /**
   * How long a job stays claimed by a worker that stopped renewing it. A worker that dies
   * (SIGKILL, lost machine) has its jobs put back on the queue after about 1.5× this.
   */
  lockDurationMs: number;
  /** Port of the worker's Prometheus endpoint (`GET /metrics`); undefined: no endpoint. */
  metricsPort: number | undefined;
}

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  min: number,
  max: number,
  problems: string[],
): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (Number.isInteger(n) && n >= min && n <= max) return n;
  problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return undefined;
}

/** Reads WORKER_CONCURRENCY, WORKER_LOCK_MS and WORKER_METRICS_PORT; one ConfigError lists every problem. */
export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const problems: string[] = [];
  const config: WorkerConfig = {
    concurrency: integer(env, 'WORKER_CONCURRENCY', 1, 256, problems),
    lockDurationMs: integer(env, 'WORKER_LOCK_MS', 1_000, 600_000, problems) ?? 30_000,
    metricsPort: integer(env, 'WORKER_METRICS_PORT', 1, 65535, problems),
  };
  if (problems.length > 0)
    throw new ConfigError(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}
