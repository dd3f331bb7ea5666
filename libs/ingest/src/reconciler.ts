import type { DataSource } from 'typeorm';
import { jobIds } from '@claimtrail/queues';
import type { QueueGateway } from './queue-gateway';

/**
 * Puts back on the queues what Postgres says should be there: articles still queued or
 * stuck extracting, and claims waiting for review. It adds only the jobs Redis lacks (job
 * ids are business keys), and retries an article's extraction job that BullMQ gave up on
 * while the article could not be marked failed (Postgres was down at that moment).
 */
export class Reconciler {
  constructor(
    private readonly db: DataSource,
    private readonly queues: QueueGateway,
  ) {}

  async run(batch = 1000): Promise<{ articles: number; claims: number; retried: number }> {
    let retried = 0;
    let articles = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.db.query<{ id: string }[]>(
        `SELECT id FROM articles WHERE status IN ('queued', 'extracting') AND id > $1 ORDER BY id LIMIT $2`,
        [after, batch],
      );
      if (rows.length === 0) break;
      const ids = rows.map((r) => jobIds.extract(r.id));
      const { missing, failed } = await this.queues.inspect(this.queues.extract, ids);
      const byJob = new Map(rows.map((r) => [jobIds.extract(r.id), r.id]));
      await this.queues.enqueueExtraction(missing.map((j) => byJob.get(j)!));
      for (const id of failed) {
        const job = await this.queues.extract.getJob(id);
        if (job && (await job.isFailed())) {
          await job.retry('failed', { resetAttemptsMade: true });
          retried += 1;
        }
      }
      articles += missing.length;
      after = rows[rows.length - 1]!.id;
    }
    let claims = 0;
    after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.db.query<
        { id: string; article_id: string; checkworthiness: number }[]
      >(
        `SELECT id, article_id, checkworthiness FROM claims WHERE status = 'queued' AND id > $1 ORDER BY id LIMIT $2`,
        [after, batch],
      );
      if (rows.length === 0) break;
      const { missing } = await this.queues.inspect(
        this.queues.review,
        rows.map((r) => jobIds.review(r.id)),
      );
      const lacking = new Set(missing);
      await this.queues.enqueueReview(
        rows
          .filter((r) => lacking.has(jobIds.review(r.id)))
          .map((r) => ({ id: r.id, articleId: r.article_id, checkworthiness: r.checkworthiness })),
      );
      claims += lacking.size;
      after = rows[rows.length - 1]!.id;
    }
    return { articles, claims, retried };
  }
}
