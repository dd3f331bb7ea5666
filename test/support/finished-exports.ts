import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { exportFileName } from '@claimtrail/export';

/** An export row stored as a worker leaves it, and the file it names in the export directory. */
export interface StoredExport {
  id: string;
  /** The file's name inside the export directory. */
  file: string;
  /** Its full path. */
  path: string;
  sha256: string;
}

/**
 * Stores an export that finished `finishedAgo` (a Postgres interval, '8 days') ago, as the
 * worker records it (without its audit events), and writes its file in `dir` unless told not
 * to: for tests of what happens to finished exports, without running one.
 */
export async function storeFinishedExport(
  db: DataSource,
  dir: string,
  requestedBy: string,
  options: { finishedAgo: string; status?: 'done' | 'failed'; writeFile?: boolean },
): Promise<StoredExport> {
  const status = options.status ?? 'done';
  const content = `seq,at\n1,${options.finishedAgo}\n`;
  const sha256 = createHash('sha256').update(content).digest('hex');
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO exports (kind, requested_by, params, status, progress, started_at, finished_at)
     VALUES ('audit-csv', $1, '{}', $2, $3, now() - $4::interval, now() - $4::interval)
     RETURNING id`,
    [requestedBy, status, status === 'done' ? 100 : 0, options.finishedAgo],
  );
  const id = row!.id;
  const file = exportFileName(id, 'audit-csv');
  if (status === 'done') {
    await db.query(
      `UPDATE exports SET row_count = 1, byte_count = $2, sha256 = $3, audit_head_seq = 1,
         audit_head_hash = $4, file = $5
       WHERE id = $1`,
      [id, Buffer.byteLength(content), sha256, '0'.repeat(64), file],
    );
    if (options.writeFile !== false) writeFileSync(join(dir, file), content);
  } else {
    await db.query(`UPDATE exports SET error = 'disk full' WHERE id = $1`, [id]);
  }
  return { id, file, path: join(dir, file), sha256 };
}
