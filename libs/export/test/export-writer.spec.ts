import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { AuditLog, GENESIS_HASH, hashEvent, type AuditEntry } from '@claimtrail/audit';
import {
  AUDIT_CSV_COLUMNS,
  EXPORT_APPLICATION_NAME,
  ExportFailure,
  isPermanentExportError,
  runExport,
  writeExport,
} from '@claimtrail/export';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';

const publisher = {
  newsroom: { name: 'Desk', url: 'https://desk.example' },
  publicBaseUrl: 'https://claims.example',
};

const event = (i: number): AuditEntry => ({
  actor: i % 2 ? 'key:reviewer' : 'system:extractor',
  action: 'claim.reviewed',
  entityType: 'claim',
  entityId: `claim-${i}`,
  before: { status: 'in_review' },
  after: { rationale: i % 3 ? `قال، "لا"\nسطر ${i}` : `plain ${i}`, n: i, nested: { a: [1, 2.5] } },
});

/** The audit CSV, parsed by csv-parse, with the chain recomputed from what the file holds. */
function chainOf(text: string) {
  const [header, ...rows] = parse(text);
  expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
  let prev = GENESIS_HASH;
  for (const [
    seq,
    at,
    actor,
    action,
    entityType,
    entityId,
    before,
    after,
    prevHash,
    hash,
  ] of rows) {
    expect(prevHash).toBe(prev);
    const record = {
      seq: Number(seq),
      at: at!,
      actor: actor!,
      action: action!,
      entityType: entityType!,
      entityId: entityId!,
      before: JSON.parse(before!) as unknown,
      after: JSON.parse(after!) as unknown,
    };
    expect(hashEvent(prev, record)).toBe(hash);
    prev = hash!;
  }
  return { rows, lastHash: prev, lastSeq: Number(rows[rows.length - 1]?.[0] ?? 0) };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('writing an export', () => {
  let db: TestDatabase;
  let dir: string;
  const audit = new AuditLog();

  beforeAll(async () => {
    db = await createTestDatabase('export-writer');
    dir = mkdtempSync(join(tmpdir(), 'claimtrail-export-'));
    await db.dataSource.transaction((tx) =>
      audit.append(
        tx,
        Array.from({ length: 1500 }, (_, i) => event(i)),
      ),
    );
  });
  afterAll(async () => {
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('streams the audit log as CSV from which anyone can recompute the chain up to its head', async () => {
    const file = join(dir, 'audit.csv');
    const seen: number[] = [];
    const outcome = await writeExport(db.url, { kind: 'audit-csv', params: {} }, file, {
      publisher,
      batchSize: 100,
      progressEveryMs: 0,
      onProgress: (p) => void seen.push(p),
    });
    const bytes = readFileSync(file);
    const { rows, lastHash, lastSeq } = chainOf(bytes.toString('utf8'));
    expect(rows).toHaveLength(1500);
    expect(outcome).toEqual({
      rows: 1500,
      bytes: bytes.length,
      sha256: sha256(bytes),
      auditHeadSeq: 1500,
      auditHeadHash: lastHash,
    });
    expect(lastSeq).toBe(1500);
    expect(await audit.verify(db.dataSource)).toMatchObject({ headSeq: 1500, headHash: lastHash });
    // progress rose from batch to batch and stopped short of 100 (that is the caller's)
    expect(seen.length).toBeGreaterThan(5);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(Math.max(...seen)).toBeLessThan(100);
    expect(readdirSync(dir)).toEqual(['audit.csv']);
  });

  it('reads one snapshot: events appended while it runs are neither in the file nor in its head', async () => {
    const file = join(dir, 'snapshot.jsonl');
    let appended = false;
    const outcome = await writeExport(db.url, { kind: 'audit-jsonl', params: {} }, file, {
      publisher,
      batchSize: 100,
      progressEveryMs: 0,
      onProgress: async () => {
        if (appended) return;
        appended = true;
        await db.dataSource.transaction((tx) => audit.append(tx, [event(9001), event(9002)]));
      },
    });
    expect(appended).toBe(true);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const records = lines.map((l) => JSON.parse(l) as { seq: number; hash: string });
    expect(records).toHaveLength(outcome.rows);
    expect(outcome.auditHeadSeq).toBe(records[records.length - 1]!.seq);
    expect(outcome.auditHeadHash).toBe(records[records.length - 1]!.hash);
    const [head] = await db.dataSource.query<{ n: string }[]>(
      'SELECT max(seq)::text AS n FROM audit_events',
    );
    expect(Number(head!.n)).toBe(outcome.auditHeadSeq + 2);
  });

  it('filters audit events by time, [from, to)', async () => {
    const [first] = await db.dataSource.query<{ at: Date }[]>(
      'SELECT at FROM audit_events WHERE seq = 1501',
    );
    const at = first!.at;
    const file = join(dir, 'range.csv');
    const outcome = await writeExport(
      db.url,
      { kind: 'audit-csv', params: { from: at.toISOString() } },
      file,
      { publisher },
    );
    const [, ...rows] = parse(readFileSync(file));
    expect(rows.map((r) => Number(r[0]))).toEqual([1501, 1502]);
    expect(outcome.rows).toBe(2);
    await writeExport(db.url, { kind: 'audit-csv', params: { to: at.toISOString() } }, file, {
      publisher,
    });
    expect(parse(readFileSync(file)).length).toBe(1 + 1500);
  });

  it('leaves nothing behind when the connection is lost midway, and keeps the file it would replace', async () => {
    const file = join(dir, 'lost.csv');
    writeFileSync(file, 'the previous export\n');
    let killed = 0;
    await expect(
      writeExport(db.url, { kind: 'audit-csv', params: {} }, file, {
        publisher,
        batchSize: 50,
        progressEveryMs: 0,
        onProgress: async (p) => {
          if (p < 30 || killed > 0) return;
          const rows = await db.dataSource.query<unknown[]>(
            'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
            [EXPORT_APPLICATION_NAME],
          );
          killed = rows.length;
        },
      }),
    ).rejects.toThrow();
    expect(killed).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('the previous export\n');
    expect(readdirSync(dir).filter((f) => f.startsWith('lost.csv'))).toEqual(['lost.csv']);
  });

  it('writes JSON-LD as an empty array when no claim has a verdict', async () => {
    const file = join(dir, 'reviews.jsonld');
    const outcome = await writeExport(db.url, { kind: 'claimreview', params: {} }, file, {
      publisher,
    });
    expect(readFileSync(file, 'utf8')).toBe('[]\n');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual([]);
    expect(outcome.rows).toBe(0);
  });

  it('runs in a thread of its own to the same bytes, passing progress on in order', async () => {
    const inProcess = join(dir, 'a.jsonl');
    const threaded = join(dir, 'b.jsonl');
    const params = { to: new Date().toISOString() };
    const a = await writeExport(db.url, { kind: 'audit-jsonl', params }, inProcess, { publisher });
    const seen: number[] = [];
    const b = await runExport(db.url, { kind: 'audit-jsonl', params }, threaded, {
      publisher,
      batchSize: 100,
      progressEveryMs: 0,
      onProgress: (p) => void seen.push(p),
    });
    expect(b).toEqual(a);
    expect(readFileSync(threaded)).toEqual(readFileSync(inProcess));
    expect(seen.length).toBeGreaterThan(0);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
  });

  it('reports a directory it cannot write as a permanent failure, with its code', async () => {
    const notADir = join(dir, 'plain-file');
    writeFileSync(notADir, 'x');
    const failure = await runExport(
      db.url,
      { kind: 'audit-csv', params: {} },
      join(notADir, 'out.csv'),
      { publisher },
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ExportFailure);
    // mkdir finds a file where the directory should be
    expect((failure as ExportFailure).code).toBe('EEXIST');
    expect(isPermanentExportError(failure)).toBe(true);
    expect(existsSync(join(notADir, 'out.csv'))).toBe(false);
  });
});
