import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export type JobOutcome =
  | 'extracted'
  | 'already-done'
  | 'failed'
  | 'reconciled'
  | 'reverified'
  | 'exported'
  | 'expired'
  | 'error';
export type FailureKind = 'transient' | 'permanent' | 'exhausted';

/**
 * The worker's own Prometheus metrics, in a registry of its own so that several workers in
 * one process (tests) do not collide in prom-client's global registry.
 */
export class WorkerMetrics {
  readonly registry = new Registry();
  readonly jobDuration = new Histogram<'queue' | 'outcome'>({
    name: 'claimtrail_worker_job_duration_seconds',
    help: 'Time a worker spent on one job attempt, by queue and outcome.',
    labelNames: ['queue', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly batchDuration = new Histogram<'outcome'>({
    name: 'claimtrail_worker_extract_batch_duration_seconds',
    help: 'Time one extraction batch took (engine, transaction, review enqueue), by outcome (ok or error).',
    labelNames: ['outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly batchSize = new Histogram({
    name: 'claimtrail_worker_extract_batch_size',
    help: 'Extraction jobs coalesced into one batch (one transaction).',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
    registers: [this.registry],
  });
  readonly jobFailures = new Counter<'queue' | 'kind'>({
    name: 'claimtrail_worker_job_failures_total',
    help: 'Failed job attempts: transient (will be retried), permanent (not retried) or exhausted (retries or crash recoveries used up).',
    labelNames: ['queue', 'kind'],
    registers: [this.registry],
  });

  /**
   * Runs one sweep job (reconcile, re-verification, export expiry), timed under `outcome`;
   * a sweep that throws is timed as an error and counted as a transient failure (the next
   * beat runs it again), and the error goes on to BullMQ.
   */
  async timeSweep<T>(queue: string, outcome: JobOutcome, sweep: () => Promise<T>): Promise<T> {
    const timer = this.jobDuration.startTimer({ queue });
    try {
      const result = await sweep();
      timer({ outcome });
      return result;
    } catch (e) {
      timer({ outcome: 'error' });
      this.jobFailures.inc({ queue, kind: 'transient' });
      throw e;
    }
  }

  /** Serves `GET /metrics` on `port` (0: any free port); resolves once listening. */
  async serve(port: number): Promise<{ server: Server; port: number }> {
    collectDefaultMetrics({ register: this.registry, prefix: 'claimtrail_worker_' });
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
        return;
      }
      this.registry.metrics().then(
        (body) => res.writeHead(200, { 'content-type': this.registry.contentType }).end(body),
        () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n'),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => resolve());
    });
    return { server, port: (server.address() as AddressInfo).port };
  }
}
