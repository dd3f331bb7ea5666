import type { DataSource } from 'typeorm';
import { ATTRIBUTIONS, VERACITIES, preparedQuery } from '@claimtrail/persistence';
import { DomainError } from './domain-error';
import { cursor, KEYSET_TIME, sortedCursor, type Page } from './keyset';

export interface TrackRecordView {
  claims: number;
  reviewed: number;
  byVeracity: Record<string, number>;
  byAttribution: Record<string, number>;
}

export interface SourceView {
  id: string;
  name: string;
  kind: string;
  anonymous: boolean | null;
  aliases: string[];
  trackRecord: TrackRecordView;
}

/**
 * What GET /sources can sort by, each descending (ties oldest first): claims made, claims
 * reviewed, and claims whose current verdict has a given value on either axis.
 */
export const SOURCE_SORTS = [
  'claims',
  'reviewed',
  ...VERACITIES.map((v) => `veracity:${v}`),
  ...ATTRIBUTIONS.map((a) => `attribution:${a}`),
] as const;

/** The track record column of a sort: 'veracity:false' → veracity_false (from constants only). */
const column = (sort: string) => sort.replace(':', '_');

/**
 * A source's track record, from the current verdicts of the claims it made (role 'source';
 * relaying a claim is not making it). Reviewed = has a current verdict, so a claim put back
 * for re-verification keeps counting with its last rating. An aggregate without GROUP BY
 * answers one row, zeros included, for every source.
 */
const TRACK_RECORD = `CROSS JOIN LATERAL (
    SELECT count(*)::int AS claims, count(v.id)::int AS reviewed,
      ${VERACITIES.map((x) => `count(*) FILTER (WHERE v.veracity = '${x}')::int AS veracity_${x}`).join(', ')},
      ${ATTRIBUTIONS.map((x) => `count(*) FILTER (WHERE v.attribution = '${x}')::int AS attribution_${x}`).join(', ')}
    FROM claims c LEFT JOIN verdicts v ON v.id = c.current_verdict_id
    WHERE c.id IN (SELECT cs.claim_id FROM claim_sources cs WHERE cs.source_id = s.id AND cs.role = 'source')
  ) t`;

type SourceRow = Record<string, number> & {
  id: string;
  name: string;
  kind: string;
  anonymous: boolean | null;
  keyset_at: string;
  aliases: string[];
};

// named columns, not s.*: the statements are prepared (see CLAIM_SELECT in read.service)
const SOURCE_SELECT = `
  SELECT s.id, s.name, s.kind, s.anonymous, ${KEYSET_TIME('s.created_at')} AS keyset_at,
    COALESCE((SELECT array_agg(a.alias ORDER BY a.alias) FROM source_aliases a WHERE a.source_id = s.id), '{}') AS aliases,
    t.*
  FROM sources s ${TRACK_RECORD}`;

function toSourceView(r: SourceRow): SourceView {
  const counts = (axis: string, values: readonly string[]) =>
    Object.fromEntries(values.map((v) => [v, r[`${axis}_${v}`] ?? 0]));
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    anonymous: r.anonymous,
    aliases: r.aliases,
    trackRecord: {
      claims: r.claims ?? 0,
      reviewed: r.reviewed ?? 0,
      byVeracity: counts('veracity', VERACITIES),
      byAttribution: counts('attribution', ATTRIBUTIONS),
    },
  };
}

export interface SourceFilter {
  q?: string;
  kind?: string;
  sort?: string;
}

/** The source registry as the API shows it: live sources with their track records. */
export class SourceReads {
  constructor(private readonly db: DataSource) {}

  /** A source by its id, or by the id of a source merged into it (its survivor answers). */
  async source(id: string): Promise<SourceView> {
    const [row] = await preparedQuery<SourceRow>(
      this.db,
      `${SOURCE_SELECT} WHERE s.id = (SELECT COALESCE(r.merged_into, r.id) FROM sources r WHERE r.id = $1)`,
      [id],
    );
    if (!row) throw new DomainError('not_found', `source ${id} not found`);
    return toSourceView(row);
  }

  /** Live sources (retired ones lead to their survivor), oldest first or by `sort`. */
  async sources(filter: SourceFilter, limit: number, after?: string): Promise<Page<SourceView>> {
    const sort =
      filter.sort && (SOURCE_SORTS as readonly string[]).includes(filter.sort)
        ? `t.${column(filter.sort)}`
        : undefined;
    if (filter.sort && !sort)
      throw new DomainError('invalid_input', `sort must be one of ${SOURCE_SORTS.join(', ')}`);
    const where = ['s.merged_into IS NULL'];
    const values: unknown[] = [];
    const param = (v: unknown) => {
      values.push(v);
      return `$${values.length}`;
    };
    if (filter.kind) where.push(`s.kind = ${param(filter.kind)}`);
    if (filter.q) {
      const q = param(filter.q.replace(/[\\%_]/g, (m) => `\\${m}`));
      where.push(
        `(s.name ILIKE '%' || ${q} || '%' OR EXISTS (SELECT 1 FROM source_aliases a WHERE a.source_id = s.id AND a.alias ILIKE '%' || ${q} || '%'))`,
      );
    }
    if (after && sort) {
      const [count, at, id] = sortedCursor.decode(after, filter.sort!);
      const n = param(count);
      where.push(
        `(${sort} < ${n} OR (${sort} = ${n} AND (s.created_at, s.id) > (${param(at)}::timestamptz, ${param(id)}::uuid)))`,
      );
    } else if (after) {
      const [at, id] = cursor.decode(after);
      where.push(`(s.created_at, s.id) > (${param(at)}::timestamptz, ${param(id)}::uuid)`);
    }
    const rows = await preparedQuery<SourceRow>(
      this.db,
      `${SOURCE_SELECT} WHERE ${where.join(' AND ')}
       ORDER BY ${sort ? `${sort} DESC, ` : ''}s.created_at, s.id LIMIT ${param(limit + 1)}`,
      values,
    );
    const last = rows[limit - 1];
    let nextCursor: string | null = null;
    if (rows.length > limit && last)
      nextCursor = sort
        ? sortedCursor.encode(filter.sort!, last[column(filter.sort!)]!, last.keyset_at, last.id)
        : cursor.encode(last.keyset_at, last.id);
    return { items: rows.slice(0, limit).map(toSourceView), nextCursor };
  }
}
