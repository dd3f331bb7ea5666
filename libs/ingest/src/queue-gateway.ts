import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JOB_OPTIONS, QUEUES, jobIds, reviewJob } from '@claimtrail/queues';

/**
 * The producer side of the queues. Postgres is the truth: callers commit first and then
 * enqueue; if Redis is down the row stays in its state and the reconciler enqueues it later.
 */
export class QueueGateway {
  readonly extract: Queue;
  readonly review: Queue;

  constructor(
    protected readonly connection: Redis,
    prefix: string,
  ) {
    this.extract = new Queue(QUEUES.extract, { connection, prefix });
    this.review = new Queue(QUEUES.review, { connection, prefix });
  }

  async enqueueExtraction(articleIds: string[]): Promise<void> {
    if (articleIds.length === 0) return;
    await this.extract.addBulk(
      articleIds.map((articleId) => ({
        name: 'extract-article',
        data: { articleId },
        opts: { ...JOB_OPTIONS.extract, jobId: jobIds.extract(articleId) },
      })),
    );
  }

  async enqueueReview(
    claims: { id: string; articleId: string; checkworthiness: number }[],
  ): Promise<void> {
    for (let i = 0; i < claims.length; i += 1000)
      await this.review.addBulk(claims.slice(i, i + 1000).map(reviewJob));
  }

  /**
   * Of these job ids, the ones the queue does not hold, and the ones it holds as failed: one
   * pipelined round trip per batch, so the reconciler's sweep stays cheap however many rows
   * are waiting.
   */
  async inspect(queue: Queue, ids: string[]): Promise<{ missing: string[]; failed: string[] }> {
    if (ids.length === 0) return { missing: [], failed: [] };
    const pipeline = this.connection.pipeline();
    for (const id of ids) pipeline.exists(queue.toKey(id));
    for (const id of ids) pipeline.zscore(queue.toKey('failed'), id);
    const replies = (await pipeline.exec()) ?? [];
    const missing = ids.filter((_, i) => replies[i]?.[1] === 0);
    const failed = ids.filter(
      (_, i) => replies[ids.length + i]?.[1] !== null && replies[ids.length + i]?.[1] !== undefined,
    );
    return { missing, failed };
  }

  async close(): Promise<void> {
    await Promise.all([this.extract.close(), this.review.close()]);
  }
}
