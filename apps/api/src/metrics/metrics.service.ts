import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { QueueGateway } from '@claimtrail/ingest';
import { FailFastQueueGateway } from '../infrastructure/fail-fast-queue-gateway';
import { MonitoredQueues } from '../infrastructure/monitored-queues';

/** Job states a queue depth is read for; "depth" is what is still to be processed. */
const STATES = ['waiting', 'prioritized', 'delayed', 'active', 'failed'] as const;
const PENDING: readonly string[] = ['waiting', 'prioritized', 'delayed'];

/**
 * The API's Prometheus registry: request latency by route, the depth of the monitored queues
 * (extract, review, reverify, export; see MonitoredQueues) read from Redis at scrape time,
 * and the default process metrics. One registry per application (not the global one), so
 * several apps in a process stay apart.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly logger = new Logger('Metrics');
  private readonly requestDuration: Histogram<'route' | 'method' | 'status'>;

  constructor(
    @Inject(QueueGateway) queues: QueueGateway,
    @Inject(MonitoredQueues) monitored: MonitoredQueues,
  ) {
    collectDefaultMetrics({ register: this.registry });
    this.requestDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by route pattern, method and status',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    const read = (run: () => Promise<Record<string, number>>) =>
      queues instanceof FailFastQueueGateway ? queues.bounded(run) : run();
    const countsAtScrape = async () =>
      Promise.all(
        monitored.list.map(async ({ name, queue }) => {
          try {
            return { name, counts: await read(() => queue.getJobCounts(...STATES)) };
          } catch (e) {
            // Redis away: leave the gauges out of this scrape rather than fail it
            this.logger.warn(`queue depth of ${name} unavailable: ${(e as Error).message}`);
            return { name, counts: undefined };
          }
        }),
      );
    // both gauges are collected at once in a scrape: they share one round of Redis calls
    let inFlight: ReturnType<typeof countsAtScrape> | undefined;
    const scrape = () =>
      (inFlight ??= countsAtScrape().finally(() => {
        inFlight = undefined;
      }));
    new Gauge({
      name: 'claimtrail_queue_depth',
      help: 'Jobs waiting to be processed (waiting, prioritized, delayed), by queue',
      labelNames: ['queue'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { name, counts } of await scrape())
          if (counts)
            this.set(
              { queue: name },
              PENDING.reduce((sum, s) => sum + (counts[s] ?? 0), 0),
            );
      },
    });
    new Gauge({
      name: 'claimtrail_queue_jobs',
      help: 'Jobs by queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { name, counts } of await scrape())
          if (counts)
            for (const state of STATES) this.set({ queue: name, state }, counts[state] ?? 0);
      },
    });
  }

  /** Times every request Fastify answers, labelled by route pattern (not the raw URL). */
  instrument(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', (request, reply, done) => {
      this.requestDuration.observe(
        {
          route: request.routeOptions.url ?? 'unmatched',
          method: request.method,
          status: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
      done();
    });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
