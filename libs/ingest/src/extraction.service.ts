import type { DataSource, EntityManager } from 'typeorm';
import { extract, type ExtractionResult } from '@claimtrail/attribution';
import type { AuditLog } from '@claimtrail/audit';
import { notifyClaimsChanged, type ArticleStatus } from '@claimtrail/persistence';
import { linkSimilarClaims } from './claim-similarity';
import {
  writeExtractions,
  type ArticleVerdict,
  type BatchWrite,
  type StoredClaim,
} from './extraction-writer';

export { EXTRACTOR_ACTOR } from './extraction-writer';

export type ExtractionOutcome =
  | { kind: 'extracted'; claims: StoredClaim[] }
  | { kind: 'already-done' }
  | { kind: 'failed'; reason: string };

/** One article to extract; `attempt` is the number of the job attempt running it (1, 2, …). */
export interface ExtractionRequest {
  articleId: string;
  attempt?: number;
}

/** A failure that retrying cannot fix: the article is marked failed and the job not retried. */
export class PermanentExtractionError extends Error {}

/** The attribution engine (a parameter so that tests can make it reject an article). */
export type AttributionEngine = typeof extract;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isFinished = (status: ArticleStatus) => status === 'extracted' || status === 'failed';

interface ArticleRow {
  id: string;
  text: string;
  language: 'ar' | 'en' | null;
  outlet: string | null;
  status: ArticleStatus;
}

/**
 * Runs the attribution engine on articles and stores their claims and sources, a batch of
 * articles at a time: the engine runs outside any transaction, then one transaction locks
 * the batch's articles, skips those another run finished meanwhile and writes the rest with
 * one statement per table and one audit append. Running it again never duplicates anything:
 * a finished article is skipped and every insert is keyed (ON CONFLICT). An error of
 * Postgres rolls the whole batch back, so nothing is ever half-written.
 */
export class ExtractionService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
    private readonly engine: AttributionEngine = extract,
  ) {}

  /**
   * The outcome of each request, in order; a request whose article does not exist gets a
   * PermanentExtractionError instead. Rejects (writing nothing) when Postgres fails.
   */
  async extractBatch(
    requests: readonly ExtractionRequest[],
  ): Promise<(ExtractionOutcome | PermanentExtractionError)[]> {
    // Postgres spells uuids in lower case
    const idOf = (r: ExtractionRequest) => r.articleId.toLowerCase();
    const ids = [...new Set(requests.map(idOf).filter((id) => UUID.test(id)))];
    const rows =
      ids.length === 0
        ? []
        : await this.db.query<ArticleRow[]>(
            `SELECT id, text, language, outlet, status FROM articles WHERE id = ANY($1::uuid[])`,
            [ids],
          );
    const found = new Map(rows.map((r) => [r.id, r]));

    // the engine, before the transaction: no lock is held while it runs
    const pending = new Map<string, Pending>();
    for (const request of requests) {
      const articleId = idOf(request);
      const article = found.get(articleId);
      if (!article || isFinished(article.status) || pending.has(articleId)) continue;
      pending.set(articleId, {
        attempt: request.attempt ?? 0,
        outcome: this.run(article),
        outlet: article.outlet,
      });
    }
    const written =
      pending.size > 0 ? await this.write(pending) : new Map<string, ExtractionOutcome>();

    const answered = new Set<string>();
    return requests.map((request): ExtractionOutcome | PermanentExtractionError => {
      const articleId = idOf(request);
      if (!found.has(articleId))
        return new PermanentExtractionError(`article ${request.articleId} does not exist`);
      // a second request for the same article in one batch finds it done by the first
      const outcome = answered.has(articleId) ? undefined : written.get(articleId);
      answered.add(articleId);
      return outcome ?? { kind: 'already-done' };
    });
  }

  /** One article: a batch of one. Throws PermanentExtractionError if it does not exist. */
  async extractArticle(articleId: string, attempt?: number): Promise<ExtractionOutcome> {
    const [outcome] = await this.extractBatch([{ articleId, attempt }]);
    if (outcome instanceof Error) throw outcome;
    return outcome!;
  }

  /** Records a permanent failure (for a job that will not be retried). */
  async fail(articleId: string, reason: string, attempt = 0): Promise<void> {
    if (!UUID.test(articleId)) return;
    await this.write(
      new Map([[articleId.toLowerCase(), { attempt, outcome: { reason }, outlet: null }]]),
    );
  }

  /**
   * Records that an attempt failed and another will follow, so GET /articles/:id shows
   * "extracting" and how many attempts were made.
   */
  async recordAttempt(articleId: string, attempt: number): Promise<void> {
    if (!UUID.test(articleId)) return;
    await this.db.query(
      `UPDATE articles SET status = 'extracting', attempts = GREATEST(attempts, $2), updated_at = now()
       WHERE id = $1 AND status IN ('queued', 'extracting')`,
      [articleId, attempt],
    );
  }

  private run(article: ArticleRow): EngineOutcome {
    try {
      return {
        result: this.engine(article.text, {
          language: article.language ?? undefined,
          publisher: article.outlet ?? undefined,
        }),
      };
    } catch (e) {
      return { reason: `the extractor rejected the text: ${(e as Error).message}` };
    }
  }

  /** One transaction for the whole batch; the outcome of each article it wrote. */
  private async write(pending: Map<string, Pending>): Promise<Map<string, ExtractionOutcome>> {
    return this.db.transaction(async (tx) => {
      const verdicts = (await this.lockUnfinished(tx, [...pending.keys()])).map(
        ({ id, status }): ArticleVerdict => {
          const { attempt, outcome, outlet } = pending.get(id)!;
          return 'result' in outcome
            ? { articleId: id, before: status, attempt, result: outcome.result, outlet }
            : { articleId: id, before: status, attempt, reason: outcome.reason };
        },
      );
      if (verdicts.length === 0) return new Map<string, ExtractionOutcome>();
      const { claims, events, bands }: BatchWrite = await writeExtractions(tx, verdicts);
      // before the append (see linkSimilarClaims): batches link one after the other, while
      // the log's other writers go on
      const linked = await linkSimilarClaims(tx, bands);
      await this.audit.append(tx, events);
      const created = [...claims.values()].flat().map((c) => c.id);
      // the claims linked to show the new ones among their similar claims: they changed too
      await notifyClaimsChanged(tx, [...created, ...linked]);
      return new Map(
        verdicts.map((v): [string, ExtractionOutcome] => [
          v.articleId,
          'reason' in v
            ? { kind: 'failed', reason: v.reason }
            : { kind: 'extracted', claims: claims.get(v.articleId) ?? [] },
        ]),
      );
    });
  }

  /**
   * Locks the articles in id order (so that batches sharing articles cannot deadlock) and
   * returns those still unfinished: another run may have finished one since it was read.
   */
  private async lockUnfinished(
    tx: EntityManager,
    ids: string[],
  ): Promise<{ id: string; status: ArticleStatus }[]> {
    const rows = await tx.query<{ id: string; status: ArticleStatus }[]>(
      `SELECT id, status FROM articles WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
    return rows.filter((r) => !isFinished(r.status));
  }
}

type EngineOutcome = { result: ExtractionResult } | { reason: string };

/** An article whose outcome is to be written; its outlet places its claims for review. */
interface Pending {
  attempt: number;
  outcome: EngineOutcome;
  outlet: string | null;
}
