import type { DataSource } from 'typeorm';
import { ArticleEntity } from '@claimtrail/persistence';
import { DomainError } from './domain-error';

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
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SourceView {
  id: string;
  name: string;
  kind: string;
  anonymous: boolean | null;
  aliases: string[];
  trackRecord: {
    claims: number;
    reviewed: number;
    byVeracity: Record<string, number>;
    byAttribution: Record<string, number>;
  };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ClaimFilter {
  status?: string;
  articleId?: string;
  sourceId?: string;
  language?: string;
  q?: string;
}

/**
 * Keyset cursors: opaque to clients, the last (created_at, id) seen. The time keeps
 * Postgres's microseconds: rows written in one transaction share a created_at that a
 * millisecond cursor would cut short, and a page would then start over.
 */
export const cursor = {
  encode: (createdAt: string, id: string) =>
    Buffer.from(JSON.stringify([createdAt, id])).toString('base64url'),
  decode(value: string): [string, string] {
    try {
      const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
      if (
        Array.isArray(parsed) &&
        parsed.length === 2 &&
        typeof parsed[0] === 'string' &&
        typeof parsed[1] === 'string' &&
        // exactly what encode() is given (KEYSET_TIME below) and a UUID, so that Postgres
        // never sees a time or id it cannot cast
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3,6}Z$/.test(parsed[0]) &&
        !Number.isNaN(Date.parse(parsed[0])) &&
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(parsed[1])
      )
        return [parsed[0], parsed[1]];
    } catch {
      /* fall through */
    }
    throw new DomainError('invalid_input', 'cursor is not valid');
  },
};

/** created_at at full precision, in the form cursor.decode accepts. */
const KEYSET_TIME = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

interface ClaimRow {
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
  keyset_at: string;
  links:
    | { role: 'source' | 'via'; position: number; id: string; name: string; mention: string }[]
    | null;
}

const CLAIM_SELECT = `
  SELECT c.*, (
    SELECT json_agg(json_build_object('role', cs.role, 'position', cs.position, 'id', s.id, 'name', s.name, 'mention', cs.mention) ORDER BY cs.role, cs.position)
    FROM claim_sources cs JOIN sources s ON s.id = cs.source_id WHERE cs.claim_id = c.id
  ) AS links, ${KEYSET_TIME('c.created_at')} AS keyset_at
  FROM claims c`;

function toClaimView(r: ClaimRow): ClaimView {
  const links = r.links ?? [];
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
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** What the API reads: claims, sources and articles, mapped to the contract's shapes. */
export class ReadService {
  constructor(private readonly db: DataSource) {}

  async claim(id: string): Promise<ClaimView> {
    const rows = await this.db.query<ClaimRow[]>(`${CLAIM_SELECT} WHERE c.id = $1`, [id]);
    if (!rows[0]) throw new DomainError('not_found', `claim ${id} not found`);
    return toClaimView(rows[0]);
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
    const rows = await this.db.query<ClaimRow[]>(
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
    const rows = await this.db.query<ClaimRow[]>(
      `${CLAIM_SELECT} WHERE c.article_id = $1 ORDER BY c.ordinal`,
      [id],
    );
    return { article, claims: rows.map(toClaimView) };
  }

  private async sourceViews(
    whereSql: string,
    values: unknown[],
    limit: number,
  ): Promise<(SourceView & { keysetAt: string })[]> {
    const rows = await this.db.query<
      {
        id: string;
        name: string;
        kind: string;
        anonymous: boolean | null;
        keyset_at: string;
        aliases: string[];
        claims: number;
        reviewed: number;
      }[]
    >(
      `SELECT s.id, s.name, s.kind, s.anonymous, ${KEYSET_TIME('s.created_at')} AS keyset_at,
         COALESCE((SELECT array_agg(a.alias ORDER BY a.alias) FROM source_aliases a WHERE a.source_id = s.id), '{}') AS aliases,
         (SELECT count(DISTINCT cs.claim_id) FROM claim_sources cs WHERE cs.source_id = s.id AND cs.role = 'source')::int AS claims,
         (SELECT count(DISTINCT cs.claim_id) FROM claim_sources cs JOIN claims c ON c.id = cs.claim_id WHERE cs.source_id = s.id AND cs.role = 'source' AND c.status = 'reviewed')::int AS reviewed
       FROM sources s ${whereSql} ORDER BY s.created_at, s.id LIMIT $${values.length + 1}`,
      [...values, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      anonymous: r.anonymous,
      aliases: r.aliases,
      keysetAt: r.keyset_at,
      trackRecord: { claims: r.claims, reviewed: r.reviewed, byVeracity: {}, byAttribution: {} },
    }));
  }

  async source(id: string): Promise<SourceView> {
    const [row] = await this.sourceViews('WHERE s.id = $1', [id], 1);
    if (!row) throw new DomainError('not_found', `source ${id} not found`);
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      anonymous: row.anonymous,
      aliases: row.aliases,
      trackRecord: row.trackRecord,
    };
  }

  async sources(
    filter: { q?: string; kind?: string },
    limit: number,
    after?: string,
  ): Promise<Page<SourceView>> {
    const where: string[] = [];
    const values: unknown[] = [];
    if (filter.kind) {
      values.push(filter.kind);
      where.push(`s.kind = $${values.length}`);
    }
    if (filter.q) {
      values.push(filter.q.replace(/[\\%_]/g, (m) => `\\${m}`));
      where.push(
        `(s.name ILIKE '%' || $${values.length} || '%' OR EXISTS (SELECT 1 FROM source_aliases a WHERE a.source_id = s.id AND a.alias ILIKE '%' || $${values.length} || '%'))`,
      );
    }
    if (after) {
      const [at, id] = cursor.decode(after);
      values.push(at, id);
      where.push(
        `(s.created_at, s.id) > ($${values.length - 1}::timestamptz, $${values.length}::uuid)`,
      );
    }
    const rows = await this.sourceViews(
      where.length ? `WHERE ${where.join(' AND ')}` : '',
      values,
      limit + 1,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((r) => ({
        id: r.id,
        name: r.name,
        kind: r.kind,
        anonymous: r.anonymous,
        aliases: r.aliases,
        trackRecord: r.trackRecord,
      })),
      nextCursor: rows.length > limit && last ? cursor.encode(last.keysetAt, last.id) : null,
    };
  }
}
