import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@claimtrail/audit';
import { ArticleEntity } from '@claimtrail/persistence';
import { DomainError } from './domain-error';
import type { QueueGateway } from './queue-gateway';

export interface ArticleInput {
  text: string;
  headline?: string | null;
  outlet?: string | null;
  url?: string | null;
  language?: 'ar' | 'en' | null;
  publishedAt?: Date | null;
}

export interface SubmitResult {
  article: ArticleEntity;
  /** False when the same text from the same outlet was already there. */
  created: boolean;
  /** False when Redis refused the job; the reconciler will enqueue it. */
  enqueued: boolean;
}

/** The same text from the same outlet is the same article. */
export function contentHash(text: string, outlet: string | null | undefined): string {
  return createHash('sha256')
    .update(outlet ?? '')
    .update('\u0000')
    .update(text)
    .digest('hex');
}

/** Accepts articles: durable in Postgres first, then put on the extraction queue. */
export class ArticleService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
    private readonly queues: QueueGateway,
    private readonly onEnqueueError: (e: unknown) => void = () => undefined,
  ) {}

  async submit(input: ArticleInput, actor: string): Promise<SubmitResult> {
    const hash = contentHash(input.text, input.outlet);
    const { article, created } = await this.db.transaction(async (tx) => {
      const inserted = await tx.query<{ id: string }[]>(
        `INSERT INTO articles (content_hash, text, headline, outlet, url, language, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (content_hash) DO NOTHING
         RETURNING id`,
        [
          hash,
          input.text,
          input.headline ?? null,
          input.outlet ?? null,
          input.url ?? null,
          input.language ?? null,
          input.publishedAt ?? null,
        ],
      );
      const id = inserted[0]?.id;
      const row = id
        ? await tx.findOneByOrFail(ArticleEntity, { id })
        : await tx.findOneByOrFail(ArticleEntity, { contentHash: hash });
      if (id) {
        await this.audit.append(tx, [
          {
            actor,
            action: 'article.accepted',
            entityType: 'article',
            entityId: id,
            after: {
              headline: row.headline,
              outlet: row.outlet,
              url: row.url,
              language: row.language,
              contentHash: hash,
              chars: input.text.length,
            },
          },
        ]);
      }
      return { article: row, created: Boolean(id) };
    });
    let enqueued = false;
    if (created || article.status === 'queued') {
      try {
        await this.queues.enqueueExtraction([article.id]);
        enqueued = true;
      } catch (e) {
        this.onEnqueueError(e);
      }
    }
    return { article, created, enqueued };
  }

  async get(id: string): Promise<ArticleEntity> {
    const article = await this.db.getRepository(ArticleEntity).findOneBy({ id });
    if (!article) throw new DomainError('not_found', `article ${id} not found`);
    return article;
  }
}
