import type { ExportKind, ExportParams, Veracity } from '@claimtrail/persistence';
import { claimReviewOf, type ClaimReviewPublisher } from './claim-review';
import { csvLines } from './csv';

/** A statement and its parameters. */
export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * How one kind of export is written: the statement that counts its rows, the one that reads
 * them (every column as text, in array mode), and how a batch of rows becomes text. The file
 * is `opening`, the encoded batches, then `closing(rows)`.
 */
export interface ExportPlan {
  count: Statement;
  rows: Statement;
  opening: string;
  /** `before` is how many rows were encoded before this batch (the JSON-LD array needs commas). */
  encode(rows: (string | null)[][], before: number): string;
  closing(rows: number): string;
}

/** ISO 8601 UTC with milliseconds, exactly as Date.prototype.toISOString writes it. */
const iso = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The time-range condition of an export on `column`: [from, to), each end optional. */
function range(column: string, params: ExportParams, values: unknown[]): string[] {
  const where: string[] = [];
  if (params.from) {
    values.push(params.from);
    where.push(`${column} >= $${values.length}::timestamptz`);
  }
  if (params.to) {
    values.push(params.to);
    where.push(`${column} < $${values.length}::timestamptz`);
  }
  return where;
}

/**
 * Audit events up to the chain head the export was cut at, oldest first. Every column comes
 * out as text formatted by Postgres (`at` as toISOString writes it, before and after as
 * JSON), so the file holds what the chain was hashed over: anyone can recompute the hashes.
 */
function auditStatements(params: ExportParams, headSeq: number, select: string) {
  const values: unknown[] = [headSeq];
  const where = ['e.seq <= $1', ...range('e.at', params, values)].join(' AND ');
  return {
    count: { text: `SELECT count(*)::text FROM audit_events e WHERE ${where}`, values },
    rows: { text: `SELECT ${select} FROM audit_events e WHERE ${where} ORDER BY e.seq`, values },
  };
}

export const AUDIT_CSV_COLUMNS = [
  'seq',
  'at',
  'actor',
  'action',
  'entity_type',
  'entity_id',
  'before',
  'after',
  'prev_hash',
  'hash',
] as const;

// named as the CSV header names them, so that COPY … WITH (HEADER) writes the same header
const AUDIT_CSV_SELECT = `e.seq::text AS seq, ${iso('e.at')} AS at, e.actor, e.action, e.entity_type,
  e.entity_id, e.before::text AS before, e.after::text AS after, e.prev_hash, e.hash`;

const AUDIT_JSONL_SELECT = `json_build_object('seq', e.seq, 'at', ${iso('e.at')}, 'actor', e.actor,
  'action', e.action, 'entityType', e.entity_type, 'entityId', e.entity_id, 'before', e.before,
  'after', e.after, 'prevHash', e.prev_hash, 'hash', e.hash)::text`;

export const CLAIMS_CSV_COLUMNS = [
  'id',
  'article_id',
  'article_url',
  'article_outlet',
  'article_headline',
  'language',
  'text',
  'type',
  'sources',
  'source_ids',
  'via',
  'via_ids',
  'status',
  'attribution',
  'veracity',
  'rationale',
  'reviewer_id',
  'reviewer_name',
  'reviewed_at',
  'reverify_at',
  'created_at',
] as const;

/** A claim's sources or relays as JSON arrays of names and of ids, in order. */
const refs = (role: 'source' | 'via') => `
  coalesce(json_agg(s.name ORDER BY cs.position) FILTER (WHERE cs.role = '${role}'), '[]')::text,
  coalesce(json_agg(s.id ORDER BY cs.position) FILTER (WHERE cs.role = '${role}'), '[]')::text`;

/** One row per claim created in the range, oldest first, with its current verdict if any. */
function claimsCsv(params: ExportParams): Pick<ExportPlan, 'count' | 'rows'> {
  const values: unknown[] = [];
  const conditions = range('c.created_at', params, values);
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  return {
    count: { text: `SELECT count(*)::text FROM claims c ${where}`, values },
    rows: {
      text: `
        SELECT c.id::text, c.article_id::text, a.url, a.outlet, a.headline, c.language, c.text,
          c.type, r.source_names, r.source_ids, r.via_names, r.via_ids, c.status, v.attribution,
          v.veracity, v.rationale, v.reviewer_id::text, k.name, ${iso('v.created_at')},
          ${iso('c.reverify_at')}, ${iso('c.created_at')}
        FROM claims c
        JOIN articles a ON a.id = c.article_id
        LEFT JOIN verdicts v ON v.id = c.current_verdict_id
        LEFT JOIN api_keys k ON k.id = v.reviewer_id
        CROSS JOIN LATERAL (
          SELECT ${refs('source')}, ${refs('via')}
          FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
          WHERE cs.claim_id = c.id
        ) AS r (source_names, source_ids, via_names, via_ids)
        ${where}
        ORDER BY c.created_at, c.id`,
      values,
    },
  };
}

/**
 * Every claim with a verdict (its current one) given in the range, in the order the verdicts
 * were given. A claim back for re-verification keeps its last verdict, and so its review.
 */
function claimReviews(params: ExportParams): Pick<ExportPlan, 'count' | 'rows'> {
  const values: unknown[] = [];
  const where = ['true', ...range('v.created_at', params, values)].join(' AND ');
  return {
    count: {
      text: `SELECT count(*)::text FROM claims c JOIN verdicts v ON v.id = c.current_verdict_id WHERE ${where}`,
      values,
    },
    rows: {
      text: `
        SELECT c.id::text, c.text, v.veracity, v.rationale, ${iso('v.created_at')},
          ${iso('c.reverify_at')}, a.url, a.headline, a.outlet,
          ${iso('coalesce(a.published_at, a.created_at)')},
          (SELECT json_agg(json_build_object('name', s.name, 'kind', s.kind) ORDER BY cs.position)
             FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
            WHERE cs.claim_id = c.id AND cs.role = 'source')::text
        FROM claims c
        JOIN verdicts v ON v.id = c.current_verdict_id
        JOIN articles a ON a.id = c.article_id
        WHERE ${where}
        ORDER BY v.created_at, c.id`,
      values,
    },
  };
}

/** Rows to CSV text, as they come (every column is text already). */
const asCsv = (rows: (string | null)[][]) => csvLines(rows);

/** One JSON document a line: Postgres built each line's JSON. */
function asJsonLines(rows: (string | null)[][]): string {
  let text = '';
  for (const [json] of rows) text += `${json}\n`;
  return text;
}

/** One ClaimReview per row, as elements of a JSON array written a piece at a time. */
function asClaimReviews(publisher: ClaimReviewPublisher) {
  return (rows: (string | null)[][], before: number): string => {
    let text = '';
    rows.forEach((r, i) => {
      const [id, claim, veracity, rationale, reviewedAt, reverifyAt, url, headline, outlet] = r;
      const [publishedAt, sources] = [r[9], r[10]];
      const review = claimReviewOf(
        {
          id: id!,
          text: claim!,
          veracity: veracity as Veracity,
          rationale: rationale ?? null,
          reviewedAt: reviewedAt!,
          reverifyAt: reverifyAt ?? null,
          article: {
            url: url ?? null,
            headline: headline ?? null,
            outlet: outlet ?? null,
            publishedAt: publishedAt!,
          },
          sources: sources ? (JSON.parse(sources) as { name: string; kind: string }[]) : [],
        },
        publisher,
      );
      text += (before + i === 0 ? '\n' : ',\n') + JSON.stringify(review);
    });
    return text;
  };
}

/**
 * The plan of an export of `kind` over `params`, for a snapshot whose audit chain ends at
 * `headSeq`. Audit exports stop at that event; the others read the same snapshot, so they
 * show the state the log describes up to it.
 */
export function planExport(
  kind: ExportKind,
  params: ExportParams,
  headSeq: number,
  publisher: ClaimReviewPublisher,
): ExportPlan {
  const none = () => '';
  switch (kind) {
    case 'audit-csv':
      return {
        ...auditStatements(params, headSeq, AUDIT_CSV_SELECT),
        opening: csvLines([AUDIT_CSV_COLUMNS]),
        encode: asCsv,
        closing: none,
      };
    case 'audit-jsonl':
      return {
        ...auditStatements(params, headSeq, AUDIT_JSONL_SELECT),
        opening: '',
        encode: asJsonLines,
        closing: none,
      };
    case 'claims-csv':
      return {
        ...claimsCsv(params),
        opening: csvLines([CLAIMS_CSV_COLUMNS]),
        encode: asCsv,
        closing: none,
      };
    case 'claimreview':
      return {
        ...claimReviews(params),
        opening: '[',
        encode: asClaimReviews(publisher),
        closing: (rows) => (rows === 0 ? ']\n' : '\n]\n'),
      };
  }
}
