import { Queue, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUES, reviewJob, type ReviewCandidate, type ReviewJob } from '@claimtrail/queues';
import { parsePartition } from './review-partitions';

/** Jobs added per round trip. */
const BATCH = 1000;

/**
 * The producer side of the review partitions: one BullMQ queue per partition (all on the
 * caller's connection), and the registry of the partitions that exist, a Redis set the
 * leasing side reads to know where to look.
 */
export class ReviewQueues {
  private readonly queues = new Map<string, Queue>();
  /** The Redis set naming every partition that was ever given a job. */
  readonly registryKey: string;

  constructor(
    readonly connection: Redis,
    readonly prefix: string,
    private readonly onError: (e: Error) => void = () => undefined,
  ) {
    this.registryKey = `${prefix}:review-partitions`;
  }

  /** The queue of a partition; only names of partitions are accepted. */
  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      if (!parsePartition(name)) throw new Error(`"${name}" is not a review partition`);
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
      queue.on('error', this.onError);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * A Redis key of a partition's queue, without making a Queue object (which would write the
   * queue's metadata): BullMQ's layout, `<prefix>:<queue>:<type>`, as Queue.toKey builds it.
   */
  keyOf(name: string, type: 'wait' | 'prioritized'): string {
    return `${this.prefix}:${name}:${type}`;
  }

  /** Every partition registered so far. */
  partitions(): Promise<string[]> {
    return this.connection.smembers(this.registryKey);
  }

  /**
   * Puts claims on the review partitions given for them (job id = claim id, so a claim
   * already on its partition is not added twice). Registers the partitions first, so a
   * leasing process never misses a job because its partition is unknown to it.
   */
  async add(byPartition: Map<string, ReviewCandidate[]>): Promise<void> {
    if (byPartition.size === 0) return;
    await this.connection.sadd(this.registryKey, ...byPartition.keys());
    for (const [name, claims] of byPartition)
      for (let i = 0; i < claims.length; i += BATCH)
        await this.queue(name).addBulk(claims.slice(i, i + BATCH).map(reviewJob));
  }

  /**
   * Of these claims, the ones whose job is on none of the given partitions: one pipelined
   * round trip however many there are.
   */
  async missing(claimPartitions: Map<string, string>): Promise<string[]> {
    if (claimPartitions.size === 0) return [];
    const pipeline = this.connection.pipeline();
    const ids = [...claimPartitions.keys()];
    for (const id of ids) pipeline.exists(this.queue(claimPartitions.get(id)!).toKey(id));
    const replies = (await pipeline.exec()) ?? [];
    return ids.filter((_, i) => {
      const [error, exists] = replies[i] ?? [new Error('no reply')];
      if (error) throw error;
      return exists === 0;
    });
  }

  /**
   * Moves a waiting claim's job to another partition. A job that is leased (locked) stays
   * where it is: when it comes back, leasing notices it is misplaced and moves it then.
   */
  async move(claim: ReviewCandidate, from: string, to: string): Promise<boolean> {
    if (from === to) return true;
    const source = this.queue(from);
    const removed = await source.remove(claim.id);
    if (removed === 0 && (await source.getJob(claim.id))) return false;
    await this.add(new Map([[to, [claim]]]));
    return true;
  }

  /** Every queue a review job may be on: each partition, and the unrouted queue. */
  async all(): Promise<Queue[]> {
    return [...new Set([QUEUES.review, ...(await this.partitions())])].map((n) => this.queue(n));
  }

  /** Review jobs waiting for a reviewer, over every partition. */
  async countWaiting(): Promise<number> {
    const counts = await Promise.all(
      (await this.all()).map((q) => q.getJobCountByTypes('prioritized', 'waiting')),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  /** A claim's review job, on whichever partition it is (a scan: for operators and tests). */
  async findJob(claimId: string): Promise<Job<ReviewJob['data']> | undefined> {
    for (const queue of await this.all()) {
      const job = (await queue.getJob(claimId)) as Job<ReviewJob['data']> | undefined;
      if (job) return job;
    }
    return undefined;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }
}
