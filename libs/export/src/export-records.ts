import type { DataSource } from 'typeorm';
import { AuditLog } from '@claimtrail/audit';
import { DomainError, cursor, type Page } from '@claimtrail/ingest';
import type { ExportKind, ExportParams, ExportStatus } from '@claimtrail/persistence';
import type { ExportOutcome } from './export-writer';

/** The audit actor of what the export worker records. */
export const EXPORT_ACTOR = 'system:export';

/** An export as the API shows it. */
export interface ExportView {
  id: string;
  kind: ExportKind;
  status: ExportStatus;
  progress: number;
  from?: string;
  to?: string;
  rows?: number;
  bytes?: number;
  sha256?: string;
  auditHeadSeq?: number;
  auditHeadHash?: string;
  error?: string;
  createdAt: string;
  finishedAt?: string;
  /** When its file was deleted (status expired, after EXPORT_RETENTION). */
  expiredAt?: string;
}

interface Row {
  id: string;
  kind: ExportKind;
  status: ExportStatus;
  params: ExportParams;
  progress: number;
  row_count: string | null;
  byte_count: string | null;
  sha256: string | null;
  audit_head_seq: string | null;
  audit_head_hash: string | null;
  file: string | null;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
  expired_at: Date | null;
  keyset_at: string;
}

const SELECT = `SELECT id, kind, status, params, progress, row_count, byte_count, sha256,
  audit_head_seq, audit_head_hash, file, error, created_at, finished_at, expired_at,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS keyset_at
  FROM exports`;

const toView = (r: Row): ExportView => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  progress: r.progress,
  ...(r.params.from ? { from: r.params.from } : {}),
  ...(r.params.to ? { to: r.params.to } : {}),
  ...(r.row_count === null ? {} : { rows: Number(r.row_count) }),
  ...(r.byte_count === null ? {} : { bytes: Number(r.byte_count) }),
  ...(r.sha256 === null ? {} : { sha256: r.sha256 }),
  ...(r.audit_head_seq === null ? {} : { auditHeadSeq: Number(r.audit_head_seq) }),
  ...(r.audit_head_hash === null ? {} : { auditHeadHash: r.audit_head_hash }),
  ...(r.error === null ? {} : { error: r.error }),
  createdAt: r.created_at.toISOString(),
  ...(r.finished_at ? { finishedAt: r.finished_at.toISOString() } : {}),
  ...(r.expired_at ? { expiredAt: r.expired_at.toISOString() } : {}),
});

/** What a worker needs to write an export. */
export interface ExportTask {
  id: string;
  kind: ExportKind;
  params: ExportParams;
}

/**
 * The exports table: exports asked for, their progress, and what they wrote. Asking for one,
 * finishing it and failing it each append an audit event in the same transaction.
 */
export class ExportRecords {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog = new AuditLog(),
  ) {}

  /** Records an export asked for by API key `requestedBy` (audit actor `actor`), queued. */
  async request(
    requestedBy: string,
    actor: string,
    kind: ExportKind,
    params: ExportParams,
  ): Promise<ExportView> {
    if (params.from && params.to && Date.parse(params.to) < Date.parse(params.from))
      throw new DomainError('invalid_input', 'to must not be before from');
    const stored: ExportParams = {
      ...(params.from ? { from: new Date(params.from).toISOString() } : {}),
      ...(params.to ? { to: new Date(params.to).toISOString() } : {}),
    };
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<Row[]>(
        `INSERT INTO exports (kind, requested_by, params) VALUES ($1, $2, $3)
         RETURNING *, '' AS keyset_at`,
        [kind, requestedBy, JSON.stringify(stored)],
      );
      await this.audit.append(tx, [
        {
          actor,
          action: 'export.requested',
          entityType: 'export',
          entityId: row!.id,
          after: { kind, ...stored },
        },
      ]);
      return toView(row!);
    });
  }

  async get(id: string): Promise<ExportView> {
    return toView(await this.row(id));
  }

  /** Exports, newest first, keyset paged by (created_at, id). */
  async list(limit: number, after?: string): Promise<Page<ExportView>> {
    const values: unknown[] = [];
    let where = '';
    if (after) {
      const [at, id] = cursor.decode(after);
      values.push(at, id);
      where = `WHERE (created_at, id) < ($1::timestamptz, $2::uuid)`;
    }
    values.push(limit + 1);
    const rows = await this.db.query<Row[]>(
      `${SELECT} ${where} ORDER BY created_at DESC, id DESC LIMIT $${values.length}`,
      values,
    );
    const last = rows[limit - 1];
    return {
      items: rows.slice(0, limit).map(toView),
      nextCursor: rows.length > limit && last ? cursor.encode(last.keyset_at, last.id) : null,
    };
  }

  /**
   * Marks an export running and returns what to write; undefined when it is finished
   * already (done or failed: a job delivered again does nothing). A new attempt at a running
   * export (its worker died) starts it over.
   */
  async start(id: string): Promise<ExportTask | undefined> {
    // TypeORM answers an UPDATE with [rows, affected count]
    const [rows] = await this.db.query<[Row[], number]>(
      `UPDATE exports SET status = 'running', progress = 0, started_at = now()
       WHERE id = $1 AND status IN ('queued', 'running') RETURNING id, kind, params`,
      [id],
    );
    const row = rows[0];
    if (row) return { id: row.id, kind: row.kind, params: row.params };
    await this.row(id);
    return undefined;
  }

  /** Records progress (0..99) of a running export; never moves it back. */
  async progress(id: string, percent: number): Promise<void> {
    await this.db.query(
      `UPDATE exports SET progress = $2 WHERE id = $1 AND status = 'running' AND progress < $2`,
      [id, Math.max(0, Math.min(99, Math.floor(percent)))],
    );
  }

  /** Records the file written for a running export, its hash and chain head: done. */
  async complete(id: string, outcome: ExportOutcome, file: string): Promise<ExportView> {
    return this.db.transaction(async (tx) => {
      const [rows] = await tx.query<[Row[], number]>(
        `UPDATE exports SET status = 'done', progress = 100, row_count = $2, byte_count = $3,
           sha256 = $4, audit_head_seq = $5, audit_head_hash = $6, file = $7, error = NULL,
           finished_at = now()
         WHERE id = $1 AND status = 'running' RETURNING *, '' AS keyset_at`,
        [
          id,
          outcome.rows,
          outcome.bytes,
          outcome.sha256,
          outcome.auditHeadSeq,
          outcome.auditHeadHash,
          file,
        ],
      );
      const row = rows[0];
      if (!row) throw new DomainError('conflict', `export ${id} is not running`);
      await this.audit.append(tx, [
        {
          actor: EXPORT_ACTOR,
          action: 'export.completed',
          entityType: 'export',
          entityId: id,
          before: { status: 'running' },
          after: {
            status: 'done',
            rows: outcome.rows,
            bytes: outcome.bytes,
            sha256: outcome.sha256,
            auditHeadSeq: outcome.auditHeadSeq,
            auditHeadHash: outcome.auditHeadHash,
          },
        },
      ]);
      return toView(row);
    });
  }

  /** Marks an export that will not be finished failed, with why. Finished ones stay as they are. */
  async fail(id: string, error: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [rows] = await tx.query<[{ before: ExportStatus }[], number]>(
        `UPDATE exports e SET status = 'failed', error = $2, finished_at = now()
         FROM (SELECT id, status FROM exports WHERE id = $1 FOR UPDATE) old
         WHERE e.id = old.id AND old.status IN ('queued', 'running') RETURNING old.status AS before`,
        [id, error],
      );
      if (rows.length === 0) return;
      await this.audit.append(tx, [
        {
          actor: EXPORT_ACTOR,
          action: 'export.failed',
          entityType: 'export',
          entityId: id,
          before: { status: rows[0]!.before },
          after: { status: 'failed', error },
        },
      ]);
    });
  }

  /**
   * A finished export's file (inside EXPORT_DIR); a conflict while it is not done, gone once
   * it expired (the file was deleted and will not come back).
   */
  async file(id: string): Promise<{ view: ExportView; file: string }> {
    const row = await this.row(id);
    if (row.status === 'expired')
      throw new DomainError(
        'gone',
        `export ${id} expired at ${row.expired_at!.toISOString()}: its file was deleted after EXPORT_RETENTION; start a new export`,
        { status: row.status },
      );
    if (row.status !== 'done' || !row.file) {
      const why =
        row.status === 'failed'
          ? `export ${id} failed: ${row.error ?? 'unknown error'}`
          : `export ${id} is ${row.status} (${row.progress}%); download it once its status is done`;
      throw new DomainError('conflict', why, { status: row.status });
    }
    return { view: toView(row), file: row.file };
  }

  /** Ids of exports not finished yet (queued or running), after `after`, for the reconciler. */
  async unfinished(after: string, limit: number): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT id FROM exports WHERE status IN ('queued', 'running') AND id > $1 ORDER BY id LIMIT $2`,
      [after, limit],
    );
    return rows.map((r) => r.id);
  }

  private async row(id: string): Promise<Row> {
    const rows = await this.db.query<Row[]>(`${SELECT} WHERE id = $1`, [id]);
    if (!rows[0]) throw new DomainError('not_found', `export ${id} not found`);
    return rows[0];
  }
}
