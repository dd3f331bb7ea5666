import type { DataSource, EntityManager } from 'typeorm';
import { extract, type ExtractionResult } from '@claimtrail/attribution';
import { AuditLog, type AuditEntry } from '@claimtrail/audit';
import { ArticleEntity } from '@claimtrail/persistence';
import { registryKey } from './source-registry-key';

export const EXTRACTOR_ACTOR = 'system:extractor';

export type ExtractionOutcome =
  | { kind: 'extracted'; claims: { id: string; articleId: string; checkworthiness: number }[] }
  | { kind: 'already-done' }
  | { kind: 'failed'; reason: string };

/** A failure that retrying cannot fix: the article is marked failed and the job not retried. */
export class PermanentExtractionError extends Error {}

/**
 * Runs the attribution engine on one article and stores its claims and sources in one
 * transaction. Running it again never duplicates anything: the article row is locked, a
 * finished article is skipped, and every insert is keyed (ON CONFLICT).
 */
export class ExtractionService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async extractArticle(articleId: string): Promise<ExtractionOutcome> {
    return this.db.transaction(async (tx) => {
      const article = await tx
        .getRepository(ArticleEntity)
        .createQueryBuilder('a')
        .setLock('pessimistic_write')
        .where('a.id = :articleId', { articleId })
        .getOne();
      if (!article) throw new PermanentExtractionError(`article ${articleId} does not exist`);
      if (article.status === 'extracted' || article.status === 'failed')
        return { kind: 'already-done' } as const;
      let result: ExtractionResult;
      try {
        result = extract(article.text, {
          language: article.language ?? undefined,
          publisher: article.outlet ?? undefined,
        });
      } catch (e) {
        const reason = `the extractor rejected the text: ${(e as Error).message}`;
        await this.markFailed(tx, article, reason);
        return { kind: 'failed', reason } as const;
      }
      const claims = await this.store(tx, article, result);
      return { kind: 'extracted', claims } as const;
    });
  }

  /** Marks the start of an attempt, so GET /articles/:id shows "extracting". */
  async markExtracting(articleId: string): Promise<void> {
    await this.db.query(
      `UPDATE articles SET status = 'extracting', attempts = attempts + 1, updated_at = now() WHERE id = $1 AND status IN ('queued', 'extracting')`,
      [articleId],
    );
  }

  /** Records a permanent failure (for a job that will not be retried). */
  async fail(articleId: string, reason: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const article = await tx.getRepository(ArticleEntity).findOneBy({ id: articleId });
      if (article && article.status !== 'extracted' && article.status !== 'failed')
        await this.markFailed(tx, article, reason);
    });
  }

  private async markFailed(
    tx: EntityManager,
    article: ArticleEntity,
    reason: string,
  ): Promise<void> {
    await tx.query(
      `UPDATE articles SET status = 'failed', error = $2, updated_at = now() WHERE id = $1`,
      [article.id, reason],
    );
    await this.audit.append(tx, [
      {
        actor: EXTRACTOR_ACTOR,
        action: 'article.failed',
        entityType: 'article',
        entityId: article.id,
        before: { status: article.status },
        after: { status: 'failed', error: reason },
      },
    ]);
  }

  private async store(tx: EntityManager, article: ArticleEntity, result: ExtractionResult) {
    const events: AuditEntry[] = [];
    // sources: one registry row per key, shared by all articles. Upserted in key order, so
    // concurrent extractions that share sources lock their rows in the same order and
    // cannot deadlock.
    const sourceIds = new Map<string, string>();
    const keyed = result.sources
      .map((s) => ({ s, key: registryKey(s, article.id) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const { s, key } of keyed) {
      const rows = await tx.query<{ id: string; created: boolean }[]>(
        `INSERT INTO sources (registry_key, name, kind, anonymous) VALUES ($1, $2, $3, $4)
         ON CONFLICT (registry_key) DO UPDATE SET registry_key = EXCLUDED.registry_key
         RETURNING id, (xmax = 0) AS created`,
        [key, s.name, s.kind, s.anonymous],
      );
      const { id, created } = rows[0]!;
      sourceIds.set(s.id, id);
      if (created)
        events.push({
          actor: EXTRACTOR_ACTOR,
          action: 'source.created',
          entityType: 'source',
          entityId: id,
          after: { name: s.name, kind: s.kind, anonymous: s.anonymous },
        });
      const aliases = [...new Set([s.name, ...s.mentions.map((m) => m.text)])];
      await tx.query(
        `INSERT INTO source_aliases (source_id, alias) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
        [id, aliases],
      );
    }
    // claims, keyed by (article, ordinal), in one statement
    const language = result.language;
    const cs = result.claims;
    const inserted = await tx.query<{ id: string; ordinal: number }[]>(
      `INSERT INTO claims (article_id, ordinal, text, start_offset, end_offset, sentence, type, cue, checkworthiness, language)
       SELECT $1, u.*, $10::text FROM unnest($2::int[], $3::text[], $4::int[], $5::int[], $6::int[], $7::text[], $8::text[], $9::real[]) AS u
       ON CONFLICT (article_id, ordinal) DO NOTHING RETURNING id, ordinal`,
      [
        article.id,
        cs.map((_, i) => i),
        cs.map((c) => c.text),
        cs.map((c) => c.start),
        cs.map((c) => c.end),
        cs.map((c) => c.sentence),
        cs.map((c) => c.type),
        cs.map((c) => c.cue),
        cs.map((c) => c.checkworthiness),
        language,
      ],
    );
    const stored: { id: string; articleId: string; checkworthiness: number }[] = [];
    const link = {
      claim: [] as string[],
      role: [] as string[],
      position: [] as number[],
      source: [] as string[],
      mention: [] as string[],
    };
    for (const { id, ordinal } of inserted) {
      const c = cs[ordinal]!;
      stored.push({ id, articleId: article.id, checkworthiness: c.checkworthiness });
      for (const [role, refs] of [
        ['source', c.sources],
        ['via', c.via],
      ] as const) {
        refs.forEach((r, position) => {
          link.claim.push(id);
          link.role.push(role);
          link.position.push(position);
          link.source.push(sourceIds.get(r.id)!);
          link.mention.push(r.mention);
        });
      }
      events.push({
        actor: EXTRACTOR_ACTOR,
        action: 'claim.created',
        entityType: 'claim',
        entityId: id,
        after: {
          articleId: article.id,
          ordinal,
          type: c.type,
          cue: c.cue,
          sources: c.sources.map((r) => sourceIds.get(r.id)),
          via: c.via.map((r) => sourceIds.get(r.id)),
        },
      });
    }
    if (link.claim.length > 0)
      await tx.query(
        `INSERT INTO claim_sources (claim_id, role, position, source_id, mention)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::uuid[], $5::text[]) ON CONFLICT DO NOTHING`,
        [link.claim, link.role, link.position, link.source, link.mention],
      );
    await tx.query(
      `UPDATE articles SET status = 'extracted', language = $2, extracted_at = now(), updated_at = now(), error = NULL WHERE id = $1`,
      [article.id, language],
    );
    events.unshift({
      actor: EXTRACTOR_ACTOR,
      action: 'article.extracted',
      entityType: 'article',
      entityId: article.id,
      before: { status: article.status },
      after: {
        status: 'extracted',
        language,
        claims: result.claims.length,
        sources: result.sources.length,
      },
    });
    await this.audit.append(tx, events);
    return stored;
  }
}
