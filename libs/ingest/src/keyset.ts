import { DomainError } from './domain-error';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invalid = () => new DomainError('invalid_input', 'cursor is not valid');

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
        UUID.test(parsed[1])
      )
        return [parsed[0], parsed[1]];
    } catch {
      /* fall through */
    }
    throw invalid();
  },
};

/**
 * Cursors of a list sorted by a count first (descending), then by (created_at, id): the
 * sort they were made for, the last count seen and a plain cursor. A cursor of another
 * sort, or of none, is refused rather than read as a place it does not mean.
 */
export const sortedCursor = {
  encode: (sort: string, count: number, createdAt: string, id: string) =>
    Buffer.from(JSON.stringify([sort, count, cursor.encode(createdAt, id)])).toString('base64url'),
  decode(value: string, sort: string): [number, string, string] {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    } catch {
      throw invalid();
    }
    if (
      !Array.isArray(parsed) ||
      parsed.length !== 3 ||
      parsed[0] !== sort ||
      !Number.isSafeInteger(parsed[1]) ||
      (parsed[1] as number) < 0 ||
      typeof parsed[2] !== 'string'
    )
      throw invalid();
    return [parsed[1] as number, ...cursor.decode(parsed[2])];
  },
};

/** created_at at full precision, in the form cursor.decode accepts. */
export const KEYSET_TIME = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
