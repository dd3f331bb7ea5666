import { QUEUES } from '@claimtrail/queues';
import { WorkerMetrics } from '../src/worker-metrics';

/** The sweep jobs' shared timing: outcome on success, error and a transient failure otherwise. */
describe('WorkerMetrics.timeSweep', () => {
  const samples = async (metrics: WorkerMetrics, name: string) =>
    (await metrics.registry.getSingleMetric(name)!.get()).values as {
      metricName?: string;
      labels: object;
      value: number;
    }[];
  /** How many sweeps were timed, per label set. */
  const timed = async (metrics: WorkerMetrics) =>
    (await samples(metrics, 'claimtrail_worker_job_duration_seconds'))
      .filter((v) => v.metricName?.endsWith('_count'))
      .map((v) => [v.labels, v.value]);

  it('times a sweep under its outcome and returns what it returned', async () => {
    const metrics = new WorkerMetrics();
    await expect(
      metrics.timeSweep(QUEUES.reverify, 'reverified', () => Promise.resolve({ requeued: 2 })),
    ).resolves.toEqual({ requeued: 2 });
    expect(await timed(metrics)).toEqual([[{ queue: QUEUES.reverify, outcome: 'reverified' }, 1]]);
    expect(await samples(metrics, 'claimtrail_worker_job_failures_total')).toEqual([]);
  });

  it('times a failed sweep as an error, counts it as transient and rethrows', async () => {
    const metrics = new WorkerMetrics();
    const failure = new Error('Postgres went away');
    await expect(
      metrics.timeSweep(QUEUES.export, 'expired', () => Promise.reject(failure)),
    ).rejects.toBe(failure);
    expect(await timed(metrics)).toEqual([[{ queue: QUEUES.export, outcome: 'error' }, 1]]);
    expect(
      (await samples(metrics, 'claimtrail_worker_job_failures_total')).map((v) => [
        v.labels,
        v.value,
      ]),
    ).toEqual([[{ queue: QUEUES.export, kind: 'transient' }, 1]]);
  });
});
