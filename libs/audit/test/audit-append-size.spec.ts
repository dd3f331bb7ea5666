import { AuditLog, type AuditEntry } from '@claimtrail/audit';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';

/**
 * One append may carry the events of a whole batch (an extraction batch of long articles):
 * more than a statement with one parameter per value could hold (Postgres takes at most
 * 65,535), and payloads with every character JSON and Postgres arrays escape.
 */
describe('an audit append of many events', () => {
  let db: TestDatabase;
  const audit = new AuditLog();

  beforeAll(async () => {
    db = await createTestDatabase('audit-append-size');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('stores 7,000 events in one append, and the chain verifies', async () => {
    const awkward = 'quote " backslash \\ brace { } comma , «عربي» \n newline NULL null';
    const entries: AuditEntry[] = Array.from({ length: 7_000 }, (_, i) => ({
      actor: 'system:test',
      action: 'test.event',
      entityType: 'test',
      entityId: `e-${i}`,
      before: i % 2 === 0 ? undefined : { n: i },
      after: { n: i, text: awkward, list: [awkward, null, i] },
    }));
    const records = await db.dataSource.transaction((tx) => audit.append(tx, entries));
    expect(records).toHaveLength(7_000);

    const stored = await db.dataSource.query<{ seq: string; before: unknown; after: unknown }[]>(
      'SELECT seq, before, after FROM audit_events WHERE seq IN (1, 2, 7000) ORDER BY seq',
    );
    expect(stored).toEqual([
      { seq: '1', before: null, after: { n: 0, text: awkward, list: [awkward, null, 0] } },
      { seq: '2', before: { n: 1 }, after: { n: 1, text: awkward, list: [awkward, null, 1] } },
      {
        seq: '7000',
        before: { n: 6999 },
        after: { n: 6999, text: awkward, list: [awkward, null, 6999] },
      },
    ]);
    expect(await audit.verify(db.dataSource)).toMatchObject({ ok: true, checked: 7_000 });
  });
});
