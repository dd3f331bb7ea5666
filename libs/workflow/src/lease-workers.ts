import {
  createRedisBackend,
  Job,
  Worker,
  type BackendFactory,
  type RedisQueueBackend,
} from 'bullmq';
import type { ReviewJob } from '@claimtrail/queues';
import { parsePartition } from './review-partitions';
import type { ReviewQueues } from './review-queues';

export type ReviewQueueJob = Job<ReviewJob['data'], unknown, ReviewJob['name']>;

/**
 * A lease is never failed for being abandoned: however often a claim's lease runs out, it
 * goes back to the queue for someone else.
 */
const NEVER_FAIL_STALLED = Number.MAX_SAFE_INTEGER;

export interface LeaseTiming {
  /** How long a lease (the job's lock) lasts without a heartbeat. */
  leaseMs: number;
  /**
   * How often lapsed leases are looked for. A lease that runs out is back on the queue
   * within leaseMs + stalledIntervalMs.
   */
  stalledIntervalMs: number;
}

export function leaseTiming(leaseMs: number): LeaseTiming {
  return { leaseMs, stalledIntervalMs: Math.min(30_000, Math.max(250, Math.floor(leaseMs / 2))) };
}

/**
 * Leases only ever take a job when asked (getNextJob without blocking), so the workers need
 * no connection of their own for a blocking wait: they all share the caller's.
 */
const sharedConnectionOnly: BackendFactory<RedisQueueBackend> = (name, opts, flags) =>
  createRedisBackend(name, opts, { ...flags, withBlockingConnection: false });

/**
 * One BullMQ worker per review partition, used by hand (no processor): `getNextJob` leases
 * a job under a lock token, the lock's expiry is the lease's. Each worker runs BullMQ's
 * stalled-job checker, which puts a job whose lock ran out back on its partition; every
 * process that leases runs them for all partitions (BullMQ lets one check run per
 * interval, whichever process gets to it), so leases lapse even if the process that gave
 * them is gone.
 */
export class LeaseWorkers {
  private readonly workers = new Map<
    string,
    Worker<ReviewJob['data'], unknown, ReviewJob['name']>
  >();
  private closed = false;

  constructor(
    private readonly queues: ReviewQueues,
    readonly timing: LeaseTiming,
    private readonly onError: (e: Error) => void,
  ) {}

  /** The worker of a partition, created (and its stalled checker started) on first use. */
  worker(name: string): Worker<ReviewJob['data'], unknown, ReviewJob['name']> {
    let worker = this.workers.get(name);
    if (!worker) {
      if (!parsePartition(name)) throw new Error(`"${name}" is not a review partition`);
      worker = new Worker<ReviewJob['data'], unknown, ReviewJob['name']>(
        name,
        null,
        {
          connection: this.queues.connection,
          prefix: this.queues.prefix,
          autorun: false,
          lockDuration: this.timing.leaseMs,
          stalledInterval: this.timing.stalledIntervalMs,
          maxStalledCount: NEVER_FAIL_STALLED,
        },
        sharedConnectionOnly,
      );
      worker.on('error', this.onError);
      this.workers.set(name, worker);
      if (!this.closed) void worker.startStalledCheckTimer();
    }
    return worker;
  }

  /** Reads the registered partitions and makes sure each has its worker; returns their names. */
  async refresh(): Promise<string[]> {
    const names = await this.queues.partitions();
    for (const name of names) this.worker(name);
    return names;
  }

  /** The partitions this process knows of (as of the last refresh). */
  known(): string[] {
    return [...this.workers.keys()];
  }

  /** The job of a claim on a partition, to act on its lease; undefined when it is not there. */
  job(partition: string, claimId: string): Promise<ReviewQueueJob | undefined> {
    return Job.fromId<ReviewJob['data'], unknown, ReviewJob['name']>(
      this.worker(partition),
      claimId,
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.workers.values()].map((w) => w.close()));
    this.workers.clear();
  }
}
