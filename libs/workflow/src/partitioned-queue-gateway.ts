import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { QueueGateway } from '@claimtrail/ingest';
import type { ReviewCandidate } from '@claimtrail/queues';
import { ReviewQueues } from './review-queues';
import { partitionOf } from './review-partitions';
import { byPartition, ReviewRouter } from './review-router';

/**
 * The queue gateway of a process that feeds the review queue (the worker: extraction and the
 * reconciler). Review jobs go to the claim's partition instead of the one unpartitioned
 * queue, and the reconciler's question "which of these claims lack a review job" is answered
 * against each claim's partition; everything else is QueueGateway's.
 */
export class PartitionedQueueGateway extends QueueGateway {
  readonly partitions: ReviewQueues;
  private readonly router: ReviewRouter;

  constructor(connection: Redis, prefix: string, db: DataSource) {
    super(connection, prefix);
    this.partitions = new ReviewQueues(connection, prefix, (e) => this.review.emit('error', e));
    this.router = new ReviewRouter(db);
  }

  override async enqueueReview(claims: ReviewCandidate[]): Promise<void> {
    if (claims.length === 0) return;
    // claims just written come with their routing (extraction's); the others' partitions
    // are read from Postgres (and a claim it no longer has is not reviewed)
    const unrouted = claims.filter((c) => !c.routing).map((c) => c.id);
    const routed = await this.router.route(unrouted);
    await this.partitions.add(
      byPartition(
        claims.flatMap(({ routing, ...c }) => {
          const partition = routing
            ? partitionOf({ ...routing, assignedTo: null })
            : routed.get(c.id)?.partition;
          return partition ? [{ ...c, partition }] : [];
        }),
      ),
    );
  }

  /** For the review queue, `ids` are claim ids, each looked for on its own partition. */
  override async inspect(
    queue: Queue,
    ids: string[],
  ): Promise<{ missing: string[]; failed: string[] }> {
    if (queue !== this.review) return super.inspect(queue, ids);
    const routed = await this.router.route(ids);
    const missing = await this.partitions.missing(
      new Map([...routed.values()].map((c) => [c.id, c.partition])),
    );
    // review jobs never fail: abandoned leases are returned, never given up on
    return { missing, failed: [] };
  }

  override async close(): Promise<void> {
    await Promise.all([super.close(), this.partitions.close()]);
  }
}
