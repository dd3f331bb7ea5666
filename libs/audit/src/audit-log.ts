import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditRecord extends Required<Omit<AuditEntry, 'before' | 'after'>> {
  seq: number;
  at: string;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

/** A Postgres NOTIFY to send with an append (delivered at COMMIT, like every NOTIFY). */
export interface AppendNotification {
  channel: string;
  payload: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  headSeq: number;
  headHash: string;
  firstBadSeq?: number;
}

/** SHA-256 over the previous hash and the canonical serialisation of the event. */
export function hashEvent(prevHash: string, e: Omit<AuditRecord, 'hash' | 'prevHash'>): string {
  return hashBody(
    prevHash,
    canonicalJson({
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: e.before ?? null,
      after: e.after ?? null,
    }),
  );
}

function hashBody(prevHash: string, body: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * An event ready to be chained: its canonical serialisation split around `at` and `seq`, the
 * two fields only known under the lock. canonicalJson sorts keys, so the body reads action,
 * actor, after, at, before, entityId, entityType, seq; the audit tests check that the split
 * form hashes exactly as hashEvent does.
 */
function prepareEvent(e: AuditEntry) {
  const before = e.before ?? null;
  const after = e.after ?? null;
  return {
    record: {
      actor: e.actor,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before,
      after,
    },
    bodyBeforeAt: `{"action":${JSON.stringify(e.action)},"actor":${JSON.stringify(e.actor)},"after":${canonicalJson(after)},"at":`,
    bodyAfterAt: `,"before":${canonicalJson(before)},"entityId":${JSON.stringify(e.entityId)},"entityType":${JSON.stringify(e.entityType)},"seq":`,
    beforeJson: JSON.stringify(before),
    afterJson: JSON.stringify(after),
  };
}

const COLUMNS = 'seq, at, actor, action, entity_type, entity_id, before, after, prev_hash, hash';

interface Row {
  seq: string;
  at: Date;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

const toRecord = (r: Row): AuditRecord => ({
  seq: Number(r.seq),
  at: r.at.toISOString(),
  actor: r.actor,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  before: r.before ?? null,
  after: r.after ?? null,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/**
 * The tamper-evident audit log: each event carries the hash of the one before it. Appends
 * happen inside the caller's transaction, so an event exists exactly when its change does.
 */
export class AuditLog {
  /**
   * Appends events in the transaction of `manager` (which must be inside a transaction), in
   * one round trip: the audit_append function (see its migration) takes the chain's lock,
   * held until COMMIT, reads the head, and chains and inserts the events. Everything that
   * does not depend on the head, the events' canonical serialisation above all, is prepared
   * here before that, so the lock every writer waits for is held as briefly as it can be.
   * `notify`, if given, is sent by the same statement: a writer that announces its change
   * saves a round trip under the lock.
   */
  async append(
    manager: EntityManager,
    entries: AuditEntry[],
    notify?: AppendNotification,
  ): Promise<AuditRecord[]> {
    if (entries.length === 0) return [];
    const prepared = entries.map(prepareEvent);
    const now = new Date().toISOString();
    // one array per column: any number of events in one statement with ten parameters (a
    // VALUES list would hit Postgres's limit of 65,535 parameters at 6,553 events)
    const [chained] = await manager.query<
      { first_seq: string; prev_hash: string; hashes: string[] }[]
    >(
      `SELECT first_seq, prev_hash, hashes${notify ? ', pg_notify($11, $12)' : ''}
       FROM audit_append($1::timestamptz, $2, $3::text[], $4::text[], $5::text[], $6::text[],
         $7::jsonb[], $8::jsonb[], $9::text[], $10::text[])`,
      [
        now,
        JSON.stringify(now),
        prepared.map((e) => e.record.actor),
        prepared.map((e) => e.record.action),
        prepared.map((e) => e.record.entityType),
        prepared.map((e) => e.record.entityId),
        prepared.map((e) => e.beforeJson),
        prepared.map((e) => e.afterJson),
        prepared.map((e) => e.bodyBeforeAt),
        prepared.map((e) => e.bodyAfterAt),
        ...(notify ? [notify.channel, notify.payload] : []),
      ],
    );
    const firstSeq = Number(chained!.first_seq);
    let prevHash = chained!.prev_hash;
    return prepared.map((e, i) => {
      const hash = chained!.hashes[i]!;
      const record = { ...e.record, seq: firstSeq + i, at: now, prevHash, hash };
      prevHash = hash;
      return record;
    });
  }

  /** Recomputes the whole chain in batches and names the first event that does not match. */
  async verify(db: DataSource, batchSize = 5000): Promise<VerifyResult> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let checked = 0;
    for (;;) {
      const rows = await db.query<Row[]>(
        `SELECT ${COLUMNS} FROM audit_events WHERE seq >= $1 ORDER BY seq LIMIT $2`,
        [expectedSeq, batchSize],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        const r = toRecord(row);
        const bad =
          r.seq !== expectedSeq || r.prevHash !== prevHash || hashEvent(prevHash, r) !== r.hash;
        if (bad)
          return {
            ok: false,
            checked,
            headSeq: checked,
            headHash: prevHash,
            firstBadSeq: expectedSeq,
          };
        prevHash = r.hash;
        expectedSeq += 1;
        checked += 1;
      }
    }
    return { ok: true, checked, headSeq: checked, headHash: prevHash };
  }

  /** Events, newest last, filtered; `after` is the last seq already seen (keyset paging). */
  async list(
    db: DataSource,
    filter: { entityType?: string; entityId?: string; actor?: string; from?: Date; to?: Date },
    afterSeq: number,
    limit: number,
  ): Promise<AuditRecord[]> {
    const where: string[] = ['seq > $1'];
    const values: unknown[] = [afterSeq];
    const add = (sql: string, v: unknown) => {
      values.push(v);
      where.push(sql.replace('?', `$${values.length}`));
    };
    if (filter.entityType) add('entity_type = ?', filter.entityType);
    if (filter.entityId) add('entity_id = ?', filter.entityId);
    if (filter.actor) add('actor = ?', filter.actor);
    if (filter.from) add('at >= ?', filter.from);
    if (filter.to) add('at < ?', filter.to);
    values.push(limit);
    const rows = await db.query<Row[]>(
      `SELECT ${COLUMNS} FROM audit_events WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $${values.length}`,
      values,
    );
    return rows.map(toRecord);
  }
}
