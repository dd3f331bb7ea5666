import type { EntityManager } from 'typeorm';
import { similarityBands, similarityKey, type ExtractionResult } from '@claimtrail/attribution';
import type { AuditEntry } from '@claimtrail/audit';
import type { ArticleStatus } from '@claimtrail/persistence';
import type { ClaimBands } from './similar-candidates';
import { registryKey } from './source-registry-key';

export const EXTRACTOR_ACTOR = 'system:extractor';

/** A stored claim, as the review queue needs it (its routing: see ReviewCandidate). */
export interface StoredClaim {
  id: string;
  articleId: string;
  checkworthiness: number;
  routing: { language: string; outlet: string | null };
}

/**
 * What is to be written for one unfinished article whose row this transaction has locked:
 * the engine's result, or the reason the article failed for good. `attempt` is the number of
 * the job attempt doing it (0 when no job runs it).
 */
export type ArticleVerdict = { articleId: string; before: ArticleStatus; attempt: number } & (
  { result: ExtractionResult; outlet: string | null } | { reason: string }
);

type Extracted = Extract<ArticleVerdict, { result: ExtractionResult }>;

export interface BatchWrite {
  /** The claims stored for each extracted article (failed articles have none). */
  claims: Map<string, StoredClaim[]>;
  /** The audit events of the whole batch, one article after the other. */
  events: AuditEntry[];
  /** The claims inserted, with their similarity keys and bands, to be linked to similar claims. */
  bands: ClaimBands[];
}

const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * Writes the extractions and failures of a batch of articles with one set-based statement per
 * table, inside the caller's transaction (which holds the articles' row locks). Every insert
 * is keyed (ON CONFLICT), so writing the same article again adds nothing. Shared rows
 * (sources, their aliases) are inserted in key order, so concurrent batches wait for each
 * other in the same order and cannot deadlock. The caller links the new claims to similar
 * claims before its audit append (see linkSimilarClaims).
 */
export async function writeExtractions(
  tx: EntityManager,
  verdicts: ArticleVerdict[],
): Promise<BatchWrite> {
  const ordered = [...verdicts].sort(byKey((v) => v.articleId));
  const extracted = ordered.filter((v): v is Extracted => 'result' in v);
  const sources = await upsertSources(tx, extracted);
  const claims = await insertClaims(tx, extracted, sources.idOf);
  await writeStatuses(tx, ordered);

  const events: AuditEntry[] = [];
  for (const v of ordered) {
    if (!('result' in v)) {
      events.push(articleEvent(v, { status: 'failed', error: v.reason }));
      continue;
    }
    const { language, claims: found, sources: all } = v.result;
    events.push(
      articleEvent(v, {
        status: 'extracted',
        language,
        claims: found.length,
        sources: all.length,
      }),
    );
    events.push(...(sources.created.get(v.articleId) ?? []));
    events.push(...(claims.events.get(v.articleId) ?? []));
  }
  return { claims: claims.stored, events, bands: claims.bands };
}

const articleEvent = (v: ArticleVerdict, after: Record<string, unknown>): AuditEntry => ({
  actor: EXTRACTOR_ACTOR,
  action: after.status === 'failed' ? 'article.failed' : 'article.extracted',
  entityType: 'article',
  entityId: v.articleId,
  before: { status: v.before },
  after,
});

/**
 * Upserts every registry source of the batch (one row per key, however many articles name
 * it) and their aliases. Existing rows are neither rewritten nor locked: ON CONFLICT DO
 * NOTHING, then a second statement (a fresh snapshot) reads the ids of the rows that were
 * already there or that a concurrent batch committed meanwhile.
 */
async function upsertSources(tx: EntityManager, extracted: Extracted[]) {
  const rows = new Map<
    string,
    // by: the first article of the batch that names the source (its source.created event follows that article's)
    { name: string; kind: string; anonymous: boolean | null; aliases: Set<string>; by: string }
  >();
  /** Per article, the engine's source id → registry key. */
  const keyOf = new Map<string, Map<string, string>>();
  for (const { articleId, result } of extracted) {
    const keys = new Map<string, string>();
    keyOf.set(articleId, keys);
    for (const s of result.sources) {
      const key = registryKey(s, articleId);
      keys.set(s.id, key);
      let row = rows.get(key);
      if (!row) {
        row = {
          name: s.name,
          kind: s.kind,
          anonymous: s.anonymous,
          aliases: new Set(),
          by: articleId,
        };
        rows.set(key, row);
      }
      row.aliases.add(s.name);
      for (const m of s.mentions) row.aliases.add(m.text);
    }
  }
  const keys = [...rows.keys()].sort();
  const ids = new Map<string, string>();
  const created = new Map<string, AuditEntry[]>();
  if (keys.length > 0) {
    const inserted = await tx.query<{ id: string; registry_key: string }[]>(
      `INSERT INTO sources (registry_key, name, kind, anonymous)
       SELECT u.key, u.name, u.kind, u.anonymous
       FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[]) WITH ORDINALITY AS u(key, name, kind, anonymous, n)
       ORDER BY u.n
       ON CONFLICT (registry_key) DO NOTHING
       RETURNING id, registry_key`,
      [
        keys,
        keys.map((k) => rows.get(k)!.name),
        keys.map((k) => rows.get(k)!.kind),
        keys.map((k) => rows.get(k)!.anonymous),
      ],
    );
    for (const r of inserted) {
      ids.set(r.registry_key, r.id);
      const row = rows.get(r.registry_key)!;
      const events = created.get(row.by) ?? [];
      created.set(row.by, events);
      events.push({
        actor: EXTRACTOR_ACTOR,
        action: 'source.created',
        entityType: 'source',
        entityId: r.id,
        after: { name: row.name, kind: row.kind, anonymous: row.anonymous },
      });
    }
    const existing = keys.filter((k) => !ids.has(k));
    if (existing.length > 0) {
      const found = await tx.query<{ id: string; registry_key: string }[]>(
        `SELECT id, registry_key FROM sources WHERE registry_key = ANY($1::text[])`,
        [existing],
      );
      for (const r of found) ids.set(r.registry_key, r.id);
      const lost = existing.find((k) => !ids.has(k));
      // only a source deleted between the two statements gets here: a retry settles it
      if (lost !== undefined) throw new Error(`source ${lost} vanished during extraction`);
    }
    const aliasSource: string[] = [];
    const alias: string[] = [];
    for (const k of keys)
      for (const a of [...rows.get(k)!.aliases].sort()) {
        aliasSource.push(ids.get(k)!);
        alias.push(a);
      }
    await tx.query(
      `INSERT INTO source_aliases (source_id, alias)
       SELECT u.source_id, u.alias
       FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS u(source_id, alias, n)
       ORDER BY u.n
       ON CONFLICT DO NOTHING`,
      [aliasSource, alias],
    );
  }
  const idOf = (articleId: string, engineSourceId: string): string =>
    ids.get(keyOf.get(articleId)!.get(engineSourceId)!)!;
  return { idOf, created };
}

/** Claims of every article in one statement (keyed by article and ordinal), then their links. */
async function insertClaims(
  tx: EntityManager,
  extracted: Extracted[],
  sourceId: (articleId: string, engineSourceId: string) => string,
) {
  const stored = new Map<string, StoredClaim[]>();
  const events = new Map<string, AuditEntry[]>();
  const cols = {
    article: [] as string[],
    ordinal: [] as number[],
    text: [] as string[],
    key: [] as string[],
    start: [] as number[],
    end: [] as number[],
    sentence: [] as number[],
    type: [] as string[],
    cue: [] as (string | null)[],
    checkworthiness: [] as number[],
    language: [] as string[],
  };
  const resultOf = new Map<string, ExtractionResult>();
  const outletOf = new Map<string, string | null>();
  const similarityKeyOf = new Map<string, string>();
  for (const { articleId, result, outlet } of extracted) {
    resultOf.set(articleId, result);
    outletOf.set(articleId, outlet);
    stored.set(articleId, []);
    events.set(articleId, []);
    result.claims.forEach((c, ordinal) => {
      cols.article.push(articleId);
      cols.ordinal.push(ordinal);
      cols.text.push(c.text);
      const key = similarityKey(c.text);
      cols.key.push(key);
      similarityKeyOf.set(`${articleId} ${ordinal}`, key);
      cols.start.push(c.start);
      cols.end.push(c.end);
      cols.sentence.push(c.sentence);
      cols.type.push(c.type);
      cols.cue.push(c.cue);
      cols.checkworthiness.push(c.checkworthiness);
      cols.language.push(result.language);
    });
  }
  const bands: ClaimBands[] = [];
  if (cols.article.length === 0) return { stored, events, bands };
  const inserted = await tx.query<{ id: string; article_id: string; ordinal: number }[]>(
    `INSERT INTO claims (article_id, ordinal, text, start_offset, end_offset, sentence, type,
       cue, checkworthiness, language, normalized_text)
     SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::int[], $5::int[], $6::int[],
       $7::text[], $8::text[], $9::real[], $10::text[], $11::text[])
     ON CONFLICT (article_id, ordinal) DO NOTHING RETURNING id, article_id, ordinal`,
    [
      cols.article,
      cols.ordinal,
      cols.text,
      cols.start,
      cols.end,
      cols.sentence,
      cols.type,
      cols.cue,
      cols.checkworthiness,
      cols.language,
      cols.key,
    ],
  );
  // events in claim order within each article, whatever order RETURNING gives
  inserted.sort((a, b) =>
    a.article_id === b.article_id ? a.ordinal - b.ordinal : a.article_id < b.article_id ? -1 : 1,
  );
  const link = {
    claim: [] as string[],
    role: [] as string[],
    position: [] as number[],
    source: [] as string[],
    mention: [] as string[],
  };
  for (const { id, article_id: articleId, ordinal } of inserted) {
    const { claims: found, language } = resultOf.get(articleId)!;
    const c = found[ordinal]!;
    stored.get(articleId)!.push({
      id,
      articleId,
      checkworthiness: c.checkworthiness,
      routing: { language, outlet: outletOf.get(articleId)! },
    });
    const key = similarityKeyOf.get(`${articleId} ${ordinal}`)!;
    bands.push({ claimId: id, articleId, key, bands: similarityBands(key) });
    for (const [role, refs] of [
      ['source', c.sources],
      ['via', c.via],
    ] as const)
      refs.forEach((r, position) => {
        link.claim.push(id);
        link.role.push(role);
        link.position.push(position);
        link.source.push(sourceId(articleId, r.id));
        link.mention.push(r.mention);
      });
    events.get(articleId)!.push({
      actor: EXTRACTOR_ACTOR,
      action: 'claim.created',
      entityType: 'claim',
      entityId: id,
      after: {
        articleId,
        ordinal,
        type: c.type,
        cue: c.cue,
        sources: c.sources.map((r) => sourceId(articleId, r.id)),
        via: c.via.map((r) => sourceId(articleId, r.id)),
      },
    });
  }
  if (link.claim.length > 0)
    await tx.query(
      `INSERT INTO claim_sources (claim_id, role, position, source_id, mention)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::uuid[], $5::text[]) ON CONFLICT DO NOTHING`,
      [link.claim, link.role, link.position, link.source, link.mention],
    );
  return { stored, events, bands };
}

/** Every article's new status (extracted or failed) and attempt count, in one statement. */
async function writeStatuses(tx: EntityManager, ordered: ArticleVerdict[]): Promise<void> {
  await tx.query(
    `UPDATE articles a SET
       status = u.status,
       language = COALESCE(u.language, a.language),
       error = u.error,
       attempts = GREATEST(a.attempts + 1, u.attempt),
       extracted_at = CASE WHEN u.status = 'extracted' THEN now() ELSE a.extracted_at END,
       updated_at = now()
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[]) AS u(id, status, language, error, attempt)
     WHERE a.id = u.id`,
    [
      ordered.map((v) => v.articleId),
      ordered.map((v) => ('result' in v ? 'extracted' : 'failed')),
      ordered.map((v) => ('result' in v ? v.result.language : null)),
      ordered.map((v) => ('reason' in v ? v.reason : null)),
      ordered.map((v) => v.attempt),
    ],
  );
}
