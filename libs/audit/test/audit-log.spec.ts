import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog, GENESIS_HASH, hashEvent, type AuditEntry } from '@claimtrail/audit';
import { createDataSource } from '@claimtrail/persistence';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';

/**
 * The audit log against the real Postgres: one chain under concurrent writers, a table that
 * Postgres itself keeps append-only, and a verifier that names the first event changed
 * behind the database's back (the test plays the superuser who disables the trigger).
 */

interface StoredRow {
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

/** The hash a forger would compute for a stored row with another payload and link. */
const rehash = (row: StoredRow, prevHash: string, after: unknown): string =>
  hashEvent(prevHash, {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after,
  });

const entry = (actor: string, entityId: string, after: unknown = { n: entityId }): AuditEntry => ({
  actor,
  action: 'test.event',
  entityType: 'test',
  entityId,
  after,
});

async function appendInTransaction(
  db: DataSource,
  entries: AuditEntry[],
  audit = new AuditLog(),
): Promise<void> {
  await db.transaction((tx) => audit.append(tx, entries));
}

async function rowAt(db: DataSource, seq: number): Promise<StoredRow> {
  const rows = await db.query<StoredRow[]>('SELECT * FROM audit_events WHERE seq = $1', [seq]);
  if (!rows[0]) throw new Error(`no audit event ${seq}`);
  return rows[0];
}

async function headSeq(db: DataSource): Promise<number> {
  const rows = await db.query<{ max: string | null }[]>('SELECT max(seq) AS max FROM audit_events');
  return Number(rows[0]?.max ?? 0);
}

/** Runs `fn` with the row trigger off, as a superuser could; always turns it back on. */
async function behindTheDatabasesBack(
  db: DataSource,
  fn: (m: EntityManager) => Promise<unknown>,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change');
    await fn(tx);
    await tx.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change');
  });
}

const insertRow = (m: EntityManager, r: StoredRow) =>
  m.query(
    `INSERT INTO audit_events (seq, at, actor, action, entity_type, entity_id, before, after, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10)`,
    [
      r.seq,
      r.at,
      r.actor,
      r.action,
      r.entity_type,
      r.entity_id,
      JSON.stringify(r.before),
      JSON.stringify(r.after),
      r.prev_hash,
      r.hash,
    ],
  );

describe('AuditLog on real Postgres', () => {
  let db: TestDatabase;
  const audit = new AuditLog();

  beforeAll(async () => {
    db = await createTestDatabase('audit-log');
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('starts from the genesis hash and verifies an empty log', async () => {
    expect(await audit.verify(db.dataSource)).toEqual({
      ok: true,
      checked: 0,
      headSeq: 0,
      headHash: GENESIS_HASH,
    });
  });

  it('keeps one gapless chain under 20 concurrent writing transactions', async () => {
    // two pools stand in for two processes (API and worker) writing at the same time
    const pools = [createDataSource(db.url, 12), createDataSource(db.url, 12)];
    await Promise.all(pools.map((p) => p.initialize()));
    const writers = 20;
    const perWriter = 25;
    try {
      const committed = Array.from({ length: writers }, (_, w) =>
        pools[w % 2]!.transaction(async (tx) => {
          if (w % 2 === 0) {
            // one event per call, with the event loop turning in between
            for (let i = 0; i < perWriter; i++) {
              await audit.append(tx, [entry(`writer-${w}`, `${w}-${i}`)]);
              await new Promise((r) => setImmediate(r));
            }
          } else {
            await audit.append(
              tx,
              Array.from({ length: perWriter }, (_, i) => entry(`writer-${w}`, `${w}-${i}`)),
            );
          }
        }),
      );
      // writers whose transaction rolls back must leave neither events nor gaps
      const rolledBack = Array.from({ length: 4 }, (_, w) =>
        pools[w % 2]!.transaction(async (tx) => {
          await audit.append(tx, [entry(`rollback-${w}`, `rb-${w}`)]);
          throw new Error('rolled back on purpose');
        }),
      );
      const outcomes = await Promise.allSettled([...committed, ...rolledBack]);
      expect(outcomes.slice(0, writers).every((o) => o.status === 'fulfilled')).toBe(true);
      expect(outcomes.slice(writers).every((o) => o.status === 'rejected')).toBe(true);
    } finally {
      await Promise.all(pools.map((p) => p.destroy()));
    }

    const total = writers * perWriter;
    const result = await audit.verify(db.dataSource);
    expect(result).toMatchObject({ ok: true, checked: total, headSeq: total });
    expect(result.firstBadSeq).toBeUndefined();
    // batch boundaries do not change the answer
    expect(await audit.verify(db.dataSource, 7)).toEqual(result);

    const rows = await db.dataSource.query<{ seq: string; actor: string; entity_id: string }[]>(
      'SELECT seq, actor, entity_id FROM audit_events ORDER BY seq',
    );
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(rows.some((r) => r.actor.startsWith('rollback-'))).toBe(false);
    expect(new Set(rows.map((r) => r.entity_id)).size).toBe(total);
    // a transaction holds the append lock until it commits, so its events are contiguous
    for (let w = 0; w < writers; w++) {
      const seqs = rows.filter((r) => r.actor === `writer-${w}`).map((r) => Number(r.seq));
      expect(seqs).toHaveLength(perWriter);
      expect(seqs[perWriter - 1]! - seqs[0]!).toBe(perWriter - 1);
    }
  });

  it('stores payloads so that the hash survives the jsonb round trip', async () => {
    const start = await headSeq(db.dataSource);
    const records = await db.dataSource.transaction((tx) =>
      audit.append(tx, [
        {
          actor: 'key:editor',
          action: 'claim.updated',
          entityType: 'claim',
          entityId: '3f2b8c4e-8d8e-4f4e-9a57-2f0d2c1e6a11',
          before: { z: 1, a: [3, 2, 1], nested: { y: null, x: 'قال مسؤول عراقي' } },
          after: {
            float: 0.1 + 0.2,
            small: 1e-7,
            big: 2 ** 53 - 1,
            negative: -12.5,
            flag: false,
            empty: {},
            list: [],
            when: new Date('2026-11-30T07:00:00.123Z'),
            dropped: undefined,
            text: 'emoji 🧪, "quotes", back\\slash, new\nline, tab\t',
          },
        },
        { actor: 'system', action: 'noop', entityType: 'test', entityId: 'no-payload' },
      ]),
    );
    expect(records.map((r) => r.seq)).toEqual([start + 1, start + 2]);
    expect(records[1]!.prevHash).toBe(records[0]!.hash);
    // append serialises around the chain head in pieces; they hash as the whole event does
    for (const r of records) expect(r.hash).toBe(hashEvent(r.prevHash, r));
    const stored = await rowAt(db.dataSource, start + 1);
    expect(stored.hash).toBe(records[0]!.hash);
    expect(await audit.verify(db.dataSource)).toMatchObject({ ok: true, headSeq: start + 2 });
  });

  it.each([
    ['UPDATE', `UPDATE audit_events SET actor = 'mallory' WHERE seq = 1`],
    ['DELETE', 'DELETE FROM audit_events WHERE seq = 1'],
    ['TRUNCATE', 'TRUNCATE audit_events'],
  ])('Postgres refuses %s on audit_events', async (op, sql) => {
    const before = await headSeq(db.dataSource);
    const first = await rowAt(db.dataSource, 1);
    const failure = await db.dataSource.query(sql).then(
      () => null,
      (e: unknown) => e as { message: string; driverError?: { code?: string } },
    );
    expect(failure?.message).toBe(`audit_events is append-only: ${op} refused`);
    expect(failure?.driverError?.code).toBe('42501');
    expect(await headSeq(db.dataSource)).toBe(before);
    expect(await rowAt(db.dataSource, 1)).toEqual(first);
    expect(await audit.verify(db.dataSource)).toMatchObject({ ok: true, headSeq: before });
  });

  describe('tampering behind the database’s back', () => {
    const victim = 137;

    afterEach(async () => {
      // each case restores the original row, so the next one starts from a valid chain
      expect(await audit.verify(db.dataSource)).toMatchObject({ ok: true });
    });

    it('reports a row whose `after` was changed at exactly its sequence number', async () => {
      const original = await rowAt(db.dataSource, victim);
      await behindTheDatabasesBack(db.dataSource, (m) =>
        m.query(`UPDATE audit_events SET after = '{"n": "forged"}'::jsonb WHERE seq = $1`, [
          victim,
        ]),
      );
      // the trigger is on again: an ordinary UPDATE is still refused
      await expect(
        db.dataSource.query('UPDATE audit_events SET actor = $1 WHERE seq = $2', ['x', victim]),
      ).rejects.toThrow('append-only');

      const result = await audit.verify(db.dataSource);
      expect(result).toMatchObject({ ok: false, firstBadSeq: victim, checked: victim - 1 });
      expect(result.headHash).toBe((await rowAt(db.dataSource, victim - 1)).hash);
      expect(await audit.verify(db.dataSource, 10)).toEqual(result);

      await behindTheDatabasesBack(db.dataSource, (m) =>
        m.query('UPDATE audit_events SET after = $1::jsonb WHERE seq = $2', [
          JSON.stringify(original.after),
          victim,
        ]),
      );
    });

    it('reports a re-inserted row with its own hash recomputed but a wrong previous link', async () => {
      const original = await rowAt(db.dataSource, victim);
      const wrongPrev = (await rowAt(db.dataSource, victim - 2)).hash;
      const forgedAfter = { n: 'forged' };
      const forged: StoredRow = {
        ...original,
        after: forgedAfter,
        prev_hash: wrongPrev,
        hash: rehash(original, wrongPrev, forgedAfter),
      };
      await behindTheDatabasesBack(db.dataSource, async (m) => {
        await m.query('DELETE FROM audit_events WHERE seq = $1', [victim]);
        await insertRow(m, forged);
      });
      expect(await audit.verify(db.dataSource)).toMatchObject({ ok: false, firstBadSeq: victim });

      await behindTheDatabasesBack(db.dataSource, async (m) => {
        await m.query('DELETE FROM audit_events WHERE seq = $1', [victim]);
        await insertRow(m, original);
      });
    });

    it('reports a row rewritten with a consistent link and hash at the next sequence number', async () => {
      const original = await rowAt(db.dataSource, victim);
      const forgedAfter = { n: 'forged' };
      const rewritten: StoredRow = {
        ...original,
        after: forgedAfter,
        hash: rehash(original, original.prev_hash, forgedAfter),
      };
      await behindTheDatabasesBack(db.dataSource, async (m) => {
        await m.query('DELETE FROM audit_events WHERE seq = $1', [victim]);
        await insertRow(m, rewritten);
      });
      // the row itself is self-consistent; its successor no longer links to it
      expect(await audit.verify(db.dataSource)).toMatchObject({
        ok: false,
        firstBadSeq: victim + 1,
        checked: victim,
      });

      await behindTheDatabasesBack(db.dataSource, async (m) => {
        await m.query('DELETE FROM audit_events WHERE seq = $1', [victim]);
        await insertRow(m, original);
      });
    });

    it('reports a deleted row (a gap) at its sequence number', async () => {
      const original = await rowAt(db.dataSource, victim);
      await behindTheDatabasesBack(db.dataSource, (m) =>
        m.query('DELETE FROM audit_events WHERE seq = $1', [victim]),
      );
      expect(await audit.verify(db.dataSource)).toMatchObject({ ok: false, firstBadSeq: victim });
      await behindTheDatabasesBack(db.dataSource, (m) => insertRow(m, original));
    });
  });

  it('appends after a verified chain continue from its head', async () => {
    const before = await audit.verify(db.dataSource);
    await appendInTransaction(db.dataSource, [entry('late', 'late-1'), entry('late', 'late-2')]);
    const after = await audit.verify(db.dataSource);
    expect(after).toMatchObject({ ok: true, headSeq: before.headSeq + 2 });
    expect((await rowAt(db.dataSource, before.headSeq + 1)).prev_hash).toBe(before.headHash);
  });
});
