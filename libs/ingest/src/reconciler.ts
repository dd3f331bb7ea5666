import type { DataSource } from 'typeorm';
import type { QueueGateway } from './queue-gateway';

/**
 * Puts back on the queues what Postgres says should be there: articles still queued or
 * stuck extracting, and claims waiting for review. Job ids are business keys, so adding a
 * job that is already there changes nothing.
 */
export class Reconciler {
  constructor(
    private readonly db: DataSource,
    private readonly queues: QueueGateway,
  ) {}

  async run(batch = 1000): Promise<{ articles: number; claims: number }> {
    let articles = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.db.query<{ id: string }[]>(
        `SELECT id FROM articles WHERE status IN ('queued', 'extracting') AND id > $1 ORDER BY id LIMIT $2`,
        [after, batch],
      );
      if (rows.length === 0) break;
      await this.queues.enqueueExtraction(rows.map((r) => r.id));
      articles += rows.length;
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
      await this.queues.enqueueReview(
        rows.map((r) => ({
          id: r.id,
          articleId: r.article_id,
          checkworthiness: r.checkworthiness,
        })),
      );
      claims += rows.length;
      after = rows[rows.length - 1]!.id;
    }
    return { articles, claims };
  }
}
