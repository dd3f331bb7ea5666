import { Client } from 'pg';
import Cursor from 'pg-cursor';
import { GENESIS_HASH } from '@claimtrail/audit';
import type { ExportKind, ExportParams } from '@claimtrail/persistence';
import type { ClaimReviewPublisher } from './claim-review';
import { ExportFile, type WrittenFile } from './export-file';
import { planExport } from './export-plans';

/** What an export wrote, and the audit chain head (sequence and hash) it was cut at. */
export interface ExportOutcome extends WrittenFile {
  rows: number;
  auditHeadSeq: number;
  auditHeadHash: string;
}

export interface WriteExportOptions {
  publisher: ClaimReviewPublisher;
  /** Rows fetched per round trip (default 500): memory stays a few batches, however many rows. */
  batchSize?: number;
  /**
   * Called with the share of rows written (0 to 99; 100 is the caller's once the export is
   * recorded), at most once per `progressEveryMs` and only when it changed.
   */
  onProgress?: (percent: number) => Promise<void> | void;
  /** Default 1,000 ms. */
  progressEveryMs?: number;
}

/**
 * Rows per round trip. Small batches die young: in the export thread's small young
 * generation a batch of 2,000 rows outlived its collections and was copied and promoted,
 * and the export ran a third slower than with 500 (and used more memory).
 */
export const DEFAULT_BATCH_SIZE = 500;
/** Names the export's connection in pg_stat_activity. */
export const EXPORT_APPLICATION_NAME = 'claimtrail-export';

/**
 * Errors no retry will cure: the export directory cannot be created or written (a wrong
 * EXPORT_DIR, a file in its place, its permissions, a read-only disk). A full disk or Postgres going away may pass,
 * and is not one of them.
 */
const PERMANENT_FILE_ERRORS = new Set([
  'EEXIST',
  'EACCES',
  'EPERM',
  'ENOTDIR',
  'EISDIR',
  'EROFS',
  'ENAMETOOLONG',
]);
export function isPermanentExportError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && PERMANENT_FILE_ERRORS.has(code);
}

/**
 * Reads the rows of `statement` in batches of `size`, asking for the next batch before
 * handing out the current one, so Postgres produces it while the caller encodes.
 */
async function* batches(
  client: Client,
  statement: { text: string; values: unknown[] },
  size: number,
): AsyncGenerator<(string | null)[][]> {
  const cursor = client.query(
    new Cursor<(string | null)[]>(statement.text, statement.values, { rowMode: 'array' }),
  );
  let next = cursor.read(size);
  try {
    for (;;) {
      const rows = await next;
      // the portal is closed by Postgres once the last row is sent
      if (rows.length === 0) return;
      next = cursor.read(size);
      yield rows;
    }
  } finally {
    // a read left in flight when the caller stops early must not reject unobserved; the
    // cursor itself goes with the connection, which the caller ends (closing it here would
    // wait for an answer a lost connection never gives)
    next.catch(() => undefined);
  }
}

/**
 * Writes the export of `kind` over `params` to `destination`, streaming rows from Postgres
 * to disk in constant memory. Everything is read in one REPEATABLE READ snapshot that also
 * yields the audit chain's head: the file shows the database exactly as the log describes it
 * up to that event (appends are serialised, so a snapshot always sees a whole prefix of the
 * chain). The file appears at `destination` complete or not at all; a failed attempt leaves
 * nothing behind, and a new attempt writes it again from the start.
 */
export async function writeExport(
  databaseUrl: string,
  request: { kind: ExportKind; params: ExportParams },
  destination: string,
  options: WriteExportOptions,
): Promise<ExportOutcome> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const every = options.progressEveryMs ?? 1_000;
  await ExportFile.removeLeftovers(destination);
  const file = await ExportFile.create(destination);
  const client = new Client({
    connectionString: databaseUrl,
    application_name: EXPORT_APPLICATION_NAME,
    connectionTimeoutMillis: 10_000,
  });
  // a connection lost while idle is reported here rather than crashing the process; the
  // statement in flight fails on its own
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const head = await client.query<{ seq: string; hash: string }>(
      'SELECT e.seq::text AS seq, e.hash FROM audit_events e ORDER BY e.seq DESC LIMIT 1',
    );
    const auditHeadSeq = Number(head.rows[0]?.seq ?? 0);
    const auditHeadHash = head.rows[0]?.hash ?? GENESIS_HASH;
    const plan = planExport(request.kind, request.params, auditHeadSeq, options.publisher);
    const counted = await client.query<[string]>({
      text: plan.count.text,
      values: plan.count.values,
      rowMode: 'array',
    });
    const total = Number(counted.rows[0]?.[0] ?? 0);

    let rows = 0;
    let reported = -1;
    let reportedAt = 0;
    await file.write(plan.opening);
    for await (const batch of batches(client, plan.rows, batchSize)) {
      await file.write(plan.encode(batch, rows));
      rows += batch.length;
      if (options.onProgress && total > 0) {
        const percent = Math.min(99, Math.floor((rows * 100) / total));
        const now = Date.now();
        if (percent > reported && now - reportedAt >= every) {
          reported = percent;
          reportedAt = now;
          await options.onProgress(percent);
        }
      }
    }
    await file.write(plan.closing(rows));
    await client.query('COMMIT');
    const written = await file.commit();
    return { ...written, rows, auditHeadSeq, auditHeadHash };
  } catch (e) {
    await file.discard();
    throw e;
  } finally {
    await client.end().catch(() => undefined);
  }
}
