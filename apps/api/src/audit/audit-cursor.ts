import { DomainError } from '@claimtrail/ingest';

/** Audit pages are keyed by sequence number; the cursor wraps it so clients treat it as opaque. */
export const auditCursor = {
  encode: (seq: number): string => Buffer.from(JSON.stringify({ seq })).toString('base64url'),
  decode(value: string): number {
    try {
      const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
      const seq = (parsed as { seq?: unknown } | null)?.seq;
      if (typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0) return seq;
    } catch {
      // not JSON: falls through to the same answer as any other bad cursor
    }
    throw new DomainError('invalid_input', 'cursor is not valid');
  },
};
