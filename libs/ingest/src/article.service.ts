import { hash } from 'node:crypto';
import DataLoader from 'dataloader';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog, type AuditEntry } from '@claimtrail/audit';
import { ArticleEntity, type ArticleStatus } from '@claimtrail/persistence';
import { DomainError } from './domain-error';
import { GroupCommitScheduler } from './group-commit-scheduler';
import type { QueueGateway } from './queue-gateway';

export interface ArticleInput {
  text: string;
  headline?: string | null;
  outlet?: string | null;
  url?: string | null;
  language?: 'ar' | 'en' | null;
  publishedAt?: Date | null;
}

/** What an accepted article is known by: the answer to POST /articles. */
export interface AcceptedArticle {
  id: string;
  status: ArticleStatus;
}

export interface SubmitResult {
  article: AcceptedArticle;
  /** False when the same text from the same outlet was already there. */
  created: boolean;
  /** False when Redis refused the job; the reconciler will enqueue it. */
  enqueued: boolean;
}

/** Told when accepted articles could not be put on the queue (the reconciler will). */
export type EnqueueErrorHandler = (e: unknown, articleIds: string[]) => void;

export interface GroupCommitOptions {
  /** Submissions written in one transaction at most. */
  maxBatchSize?: number;
  /** Batch transactions one service runs at once; the next batch fills meanwhile. */
  maxInFlight?: number;
}

/** The same text from the same outlet is the same article. */
export function contentHash(text: string, outlet: string | null | undefined): string {
  // NUL cannot occur in a stored outlet, so the pair cannot be forged by moving characters
  return hash('sha256', `${outlet ?? ''}\u0000${text}`, 'hex');
}

interface Submission {
  input: ArticleInput;
  actor: string;
  hash: string;
}

interface ArticleRow {
  id: string;
  content_hash: string;
  status: ArticleStatus;
}

/**
 * Accepts articles: durable in Postgres first, then put on the extraction queue.
 *
 * Concurrent submissions are written together (group commit): one transaction inserts
 * the batch's articles, appends their audit events and commits once, then one call queues
 * their extraction. Every audit append holds the chain's lock until COMMIT, so one commit
 * for many articles is what lets intake scale. A database error fails every submission of
 * the batch, and none of it is stored.
 */
export class ArticleService {
  private readonly scheduler: GroupCommitScheduler;
  private readonly loader: DataLoader<Submission, SubmitResult>;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
    private readonly queues: QueueGateway,
    private readonly onEnqueueError: EnqueueErrorHandler = () => undefined,
    { maxBatchSize = 100, maxInFlight = 1 }: GroupCommitOptions = {},
  ) {
    this.scheduler = new GroupCommitScheduler(maxInFlight);
    this.loader = new DataLoader((batch) => this.submitBatch(batch), {
      cache: false,
      maxBatchSize,
      batchScheduleFn: this.scheduler.schedule,
    });
  }

  submit(input: ArticleInput, actor: string): Promise<SubmitResult> {
    return this.loader.load({ input, actor, hash: contentHash(input.text, input.outlet) });
  }

  async get(id: string): Promise<ArticleEntity> {
    const article = await this.db.getRepository(ArticleEntity).findOneBy({ id });
    if (!article) throw new DomainError('not_found', `article ${id} not found`);
    return article;
  }

  private async submitBatch(batch: readonly Submission[]): Promise<SubmitResult[]> {
    // the first submission of a text creates it; the same text again in the batch finds it
    const firsts = new Map<string, Submission>();
    for (const s of batch) if (!firsts.has(s.hash)) firsts.set(s.hash, s);
    const { rows, created } = await this.scheduler.write(() =>
      this.db.transaction((tx) => this.store(tx, [...firsts.values()])),
    );
    const toQueue = [...rows.values()].filter((r) => created.has(r.id) || r.status === 'queued');
    const enqueued = await this.enqueue(toQueue.map((r) => r.id));
    return batch.map((s) => {
      const row = rows.get(s.hash)!;
      const isCreated = firsts.get(s.hash) === s && created.has(row.id);
      return {
        article: { id: row.id, status: row.status },
        created: isCreated,
        enqueued: enqueued && (created.has(row.id) || row.status === 'queued'),
      };
    });
  }

  /** Inserts what is new, reads what was there, and audits the new: one transaction. */
  private async store(
    tx: EntityManager,
    submissions: Submission[],
  ): Promise<{ rows: Map<string, ArticleRow>; created: Set<string> }> {
    // rows locked in one order by every batch: two batches sharing texts cannot deadlock
    const sorted = [...submissions].sort((a, b) => (a.hash < b.hash ? -1 : 1));
    const column = <T>(pick: (s: Submission) => T) => sorted.map(pick);
    const inserted = await tx.query<ArticleRow[]>(
      `INSERT INTO articles (content_hash, text, headline, outlet, url, language, published_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                            $6::text[], $7::timestamptz[])
       ON CONFLICT (content_hash) DO NOTHING
       RETURNING id, content_hash, status`,
      [
        column((s) => s.hash),
        column((s) => s.input.text),
        column((s) => s.input.headline ?? null),
        column((s) => s.input.outlet ?? null),
        column((s) => s.input.url ?? null),
        column((s) => s.input.language ?? null),
        column((s) => s.input.publishedAt ?? null),
      ],
    );
    const rows = new Map(inserted.map((r) => [r.content_hash, r]));
    const created = new Set(inserted.map((r) => r.id));
    const existing = sorted.filter((s) => !rows.has(s.hash)).map((s) => s.hash);
    if (existing.length > 0) {
      const found = await tx.query<ArticleRow[]>(
        'SELECT id, content_hash, status FROM articles WHERE content_hash = ANY($1::text[])',
        [existing],
      );
      for (const r of found) rows.set(r.content_hash, r);
    }
    // rows are never deleted: a conflict that finds no row is a broken invariant, not input
    if (rows.size !== sorted.length) throw new Error('an article conflicted but was not found');
    const events: AuditEntry[] = submissions
      .filter((s) => created.has(rows.get(s.hash)!.id))
      .map(({ input, actor, hash: contentHash }) => ({
        actor,
        action: 'article.accepted',
        entityType: 'article',
        entityId: rows.get(contentHash)!.id,
        after: {
          headline: input.headline ?? null,
          outlet: input.outlet ?? null,
          url: input.url ?? null,
          language: input.language ?? null,
          contentHash,
          chars: input.text.length,
        },
      }));
    await this.audit.append(tx, events);
    return { rows, created };
  }

  /** True when the jobs are on the queue; Redis refusing them is reported, not thrown. */
  private async enqueue(articleIds: string[]): Promise<boolean> {
    if (articleIds.length === 0) return true;
    try {
      await this.queues.enqueueExtraction(articleIds);
      return true;
    } catch (e) {
      this.onEnqueueError(e, articleIds);
      return false;
    }
  }
}
