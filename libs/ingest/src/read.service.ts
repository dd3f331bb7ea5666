import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { ArticleEntity, preparedQuery } from '@claimtrail/persistence';
import { similarClaimsFrom, similarClaimsJson, type SimilarClaimView } from './claim-similarity';
import { DomainError } from './domain-error';
import { cursor, KEYSET_TIME, UUID, type Page } from './keyset';
import { SourceReads, type SourceFilter, type SourceView } from './source-reads';
import {
  CURRENT_VERDICT_COLUMNS,
  currentVerdictJsonPairs,
  currentVerdictOf,
  verdictColumnsFromJson,
  type CurrentVerdictColumns,
  type CurrentVerdictView,
} from './verdict-view';

export { cursor, type Page } from './keyset';
export { SOURCE_SORTS, type SourceFilter, type SourceView } from './source-reads';

export interface SourceRefView {
  id: string;
  name: string;
  mention: string;
}

export interface ClaimView {
  id: string;
  articleId: string;
  ordinal: number;
  text: string;
  start: number;
  end: number;
  sentence: number;
  type: string;
  cue: string | null;
  checkworthiness: number;
  language: string;
  sources: SourceRefView[];
  via: SourceRefView[];
  status: string;
  /** The current verdict; absent before the first review. */
  verdict?: CurrentVerdictView;
  /** When the claim is due to be checked again; absent when it is not. */
  reverifyAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A claim with the claims of other articles most similar to it, and its verdicts. */
export interface ClaimDetail {
  claim: ClaimView;
  similar: SimilarClaimView[];
  /** Every verdict of the claim, the oldest first (the last is the current one). */
  history: CurrentVerdictView[];
}

/** The history column of a claim detail read: the claim's verdicts as JSON, or null. */
type VerdictsJson = Parameters<typeof verdictColumnsFromJson>[0][] | null;

/** The similar claims' column as similarClaimsJson gives it. */
type SimilarClaimsJson = Parameters<typeof similarClaimsFrom>[0];

export interface ClaimFilter {
  status?: string;
  articleId?: string;
  sourceId?: string;
  language?: string;
  veracity?: string;
  attribution?: string;
  q?: string;
}

interface ClaimRow extends CurrentVerdictColumns {
  id: string;
  article_id: string;
  ordinal: number;
  text: string;
  start_offset: number;
  end_offset: number;
  sentence: number;
  type: string;
  cue: string | null;
  checkworthiness: number;
  language: string;
  status: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  reverify_at: Date | null;
  keyset_at: string;
  links:
    | { role: 'source' | 'via'; position: number; id: string; name: string; mention: string }[]
    | null;
}

// the columns are named, not c.*: these statements are prepared, and a prepared statement
// whose result gains a column (a migration run while the API is up) fails until reconnect
const CLAIM_COLUMNS = `
  c.id, c.article_id, c.ordinal, c.text, c.start_offset, c.end_offset, c.sentence,
    c.type, c.cue, c.checkworthiness, c.language, c.status, c.version, c.created_at,
    c.updated_at, c.reverify_at, ${CURRENT_VERDICT_COLUMNS}, (
    SELECT json_agg(json_build_object('role', cs.role, 'position', cs.position, 'id', s.id, 'name', s.name, 'mention', cs.mention) ORDER BY cs.role, cs.position)
    FROM claim_sources cs JOIN sources s ON s.id = cs.source_id WHERE cs.claim_id = c.id
  ) AS links, ${KEYSET_TIME('c.created_at')} AS keyset_at`;
const CLAIM_FROM = 'FROM claims c LEFT JOIN verdicts v ON v.id = c.current_verdict_id';
const CLAIM_SELECT = `SELECT ${CLAIM_COLUMNS} ${CLAIM_FROM}`;

function toClaimView(r: ClaimRow): ClaimView {
  const links = r.links ?? [];
  const verdict = currentVerdictOf(r.id, r);
  const refs = (role: 'source' | 'via') =>
    links
      .filter((l) => l.role === role)
      .map((l) => ({ id: l.id, name: l.name, mention: l.mention }));
  return {
    id: r.id,
    articleId: r.article_id,
    ordinal: r.ordinal,
    text: r.text,
    start: r.start_offset,
    end: r.end_offset,
    sentence: r.sentence,
    type: r.type,
    cue: r.cue,
    checkworthiness: Math.round(r.checkworthiness * 100) / 100,
    language: r.language,
    sources: refs('source'),
    via: refs('via'),
    status: r.status,
    ...(verdict ? { verdict } : {}),
    ...(r.reverify_at ? { reverifyAt: r.reverify_at.toISOString() } : {}),
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

const MAX_CLAIM_BATCH = 100;

const claimNotFound = (id: string) => new DomainError('not_found', `claim ${id} not found`);

/**
 * Claims asked for at about the same time, read in one statement (`read` gives what it
 * found by id; an id it did not find is a not_found DomainError): under load, one query for
 * many ids costs Postgres and the API far less than a query each. Batches gather until the
 * event loop has taken in the requests that are ready (setImmediate), so a lone request
 * waits for nothing.
 */
function claimLoader<T>(
  read: (ids: readonly string[]) => Promise<[string, T][]>,
): DataLoader<string, T> {
  return new DataLoader<string, T>(
    async (ids) => {
      const found = new Map(await read(ids));
      return ids.map((id) => found.get(id) ?? claimNotFound(id));
    },
    { cache: false, maxBatchSize: MAX_CLAIM_BATCH, batchScheduleFn: (run) => setImmediate(run) },
  );
}

/** One claim through a claimLoader. */
function loadClaim<T>(loader: DataLoader<string, T>, id: string): Promise<T> {
  // one id Postgres cannot cast would fail the whole batch it joins
  if (!UUID.test(id)) return Promise.reject(claimNotFound(id));
  // Postgres prints uuids in lower case: so are the keys the batch is matched by
  return loader.load(id.toLowerCase());
}

/** What the API reads: claims, sources and articles, mapped to the contract's shapes. */
export class ReadService {
  /** The claims as the contract shows them (see claimLoader). */
  private readonly claimsById = claimLoader(async (ids) => {
    const rows = await preparedQuery<ClaimRow>(
      this.db,
      `${CLAIM_SELECT} WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r) => [r.id, toClaimView(r)]);
  });

  /**
   * Claims with their similar claims and their verdicts, in one statement: one answer from
   * Postgres per batch, not one for each part. Verdicts are append-only and the latest is
   * the current one, so a claim without a current verdict has no history (most claims are
   * read before their review).
   */
  private readonly claimDetailsById = claimLoader(async (ids) => {
    const rows = await preparedQuery<
      ClaimRow & { similar: SimilarClaimsJson; history: VerdictsJson }
    >(
      this.db,
      `SELECT ${CLAIM_COLUMNS}, ${similarClaimsJson('c.id')} AS similar,
         CASE WHEN c.current_verdict_id IS NOT NULL THEN (
           SELECT json_agg(json_build_object(${currentVerdictJsonPairs('h')})
             ORDER BY h.created_at, h.id)
           FROM verdicts h WHERE h.claim_id = c.id
         ) END AS history
       ${CLAIM_FROM}
       WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r): [string, ClaimDetail] => [
      r.id,
      {
        claim: toClaimView(r),
        similar: similarClaimsFrom(r.similar),
        history: (r.history ?? []).flatMap(
          (v) => currentVerdictOf(r.id, verdictColumnsFromJson(v)) ?? [],
        ),
      },
    ]);
  });

  private readonly sourceReads: SourceReads;

  constructor(private readonly db: DataSource) {
    this.sourceReads = new SourceReads(db);
  }

  claim(id: string): Promise<ClaimView> {
    return loadClaim(this.claimsById, id);
  }

  /**
   * One claim with the claims of other articles most similar to it (with their current
   * verdicts) and its own verdicts (see claimDetailsById). Rejects with a DomainError for
   * an unknown claim.
   */
  claimDetail(id: string): Promise<ClaimDetail> {
    return loadClaim(this.claimDetailsById, id);
  }

  async claims(filter: ClaimFilter, limit: number, after?: string): Promise<Page<ClaimView>> {
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      values.push(v);
      where.push(sql.replaceAll('?', `$${values.length}`));
    };
    if (filter.status) add('c.status = ?', filter.status);
    if (filter.articleId) add('c.article_id = ?', filter.articleId);
    if (filter.language) add('c.language = ?', filter.language);
    // by the current verdict (v, joined in CLAIM_SELECT): unreviewed claims match neither
    if (filter.veracity) add('v.veracity = ?', filter.veracity);
    if (filter.attribution) add('v.attribution = ?', filter.attribution);
    if (filter.sourceId)
      add(
        'EXISTS (SELECT 1 FROM claim_sources x WHERE x.claim_id = c.id AND x.source_id = ?)',
        filter.sourceId,
      );
    if (filter.q)
      add(
        `c.text ILIKE '%' || ? || '%'`,
        filter.q.replace(/[\\%_]/g, (m) => `\\${m}`),
      );
    if (after) {
      const [at, id] = cursor.decode(after);
      values.push(at, id);
      where.push(
        `(c.created_at, c.id) > ($${values.length - 1}::timestamptz, $${values.length}::uuid)`,
      );
    }
    values.push(limit + 1);
    // prepared: one statement per combination of filters, planned once per connection
    const rows = await preparedQuery<ClaimRow>(
      this.db,
      `${CLAIM_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.created_at, c.id LIMIT $${values.length}`,
      values,
    );
    const last = rows[limit - 1];
    return {
      items: rows.slice(0, limit).map(toClaimView),
      nextCursor: rows.length > limit && last ? cursor.encode(last.keyset_at, last.id) : null,
    };
  }

  async article(id: string): Promise<{ article: ArticleEntity; claims: ClaimView[] }> {
    const article = await this.db.getRepository(ArticleEntity).findOneBy({ id });
    if (!article) throw new DomainError('not_found', `article ${id} not found`);
    const rows = await preparedQuery<ClaimRow>(
      this.db,
      `${CLAIM_SELECT} WHERE c.article_id = $1 ORDER BY c.ordinal`,
      [id],
    );
    return { article, claims: rows.map(toClaimView) };
  }

  /** A source, by its id or by the id of a source merged into it. */
  source(id: string): Promise<SourceView> {
    return this.sourceReads.source(id);
  }

  /** Live sources with their track records. */
  sources(filter: SourceFilter, limit: number, after?: string): Promise<Page<SourceView>> {
    return this.sourceReads.sources(filter, limit, after);
  }
}
