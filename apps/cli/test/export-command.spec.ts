import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'csv-parse/sync';
import { AuditLog, type AuditEntry } from '@claimtrail/audit';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { claimtrail, cliCommand, run } from './support/cli-process';

/** `claimtrail export` as a user runs it: a real process, against the real Postgres. */

const fields = (stdout: string) =>
  Object.fromEntries(
    stdout
      .trimEnd()
      .split('\n')
      .map((l) => l.split(': ') as [string, string]),
  );

const event = (i: number): AuditEntry => ({
  actor: 'key:desk',
  action: 'claim.reviewed',
  entityType: 'claim',
  entityId: `claim-${i}`,
  after: { rationale: `قال، "لا"\nسطر ${i}` },
});

describe('claimtrail export', () => {
  let db: TestDatabase;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase('cli-export');
    dir = mkdtempSync(join(tmpdir(), 'claimtrail-cli-export-'));
    env = { DATABASE_URL: db.url, REDIS_URL: 'redis://127.0.0.1:1' };
    // two appends, so that the events have two times to tell apart
    for (const start of [0, 150]) {
      await db.dataSource.transaction((tx) =>
        new AuditLog().append(
          tx,
          Array.from({ length: 150 }, (_, i) => event(start + i)),
        ),
      );
      await sleep(20);
    }
  });
  afterAll(async () => {
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the audit log to a file and prints its size, hash and chain head (no Redis needed)', async () => {
    const out = join(dir, 'audit.csv');
    const result = await claimtrail(['export', '--kind', 'audit-csv', '--out', out], env);
    expect(result.status).toBe(0);
    const printed = fields(result.stdout);
    expect(Object.keys(printed)).toEqual([
      'file',
      'kind',
      'rows',
      'bytes',
      'sha256',
      'auditHeadSeq',
      'auditHeadHash',
    ]);
    const bytes = readFileSync(out);
    const [head] = await new AuditLog().list(db.dataSource, {}, 299, 1);
    expect(printed).toEqual({
      file: out,
      kind: 'audit-csv',
      rows: '300',
      bytes: String(bytes.length),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      auditHeadSeq: '300',
      auditHeadHash: head!.hash,
    });
    const [, ...rows] = parse(bytes);
    expect(rows).toHaveLength(300);
    expect(JSON.parse(rows[7]![7]!)).toEqual({ rationale: 'قال، "لا"\nسطر 7' });
    // progress as plain lines when standard error is no terminal, ending at 100%
    expect(result.stderr.trimEnd().split('\n').pop()).toBe('audit-csv: 100%');
    // the command only reads: no event was added
    expect((await new AuditLog().verify(db.dataSource)).headSeq).toBe(300);
  });

  it('draws a progress bar on a terminal', async () => {
    const out = join(dir, 'audit.jsonl');
    const [node, args] = cliCommand(['export', '--kind', 'audit-jsonl', '--out', out]);
    const command = [node, ...args].map((a) => `'${a}'`).join(' ');
    // script(1) runs the command on a pseudo-terminal and copies what it shows
    const result = await run('script', ['-q', '-e', '-c', command, '/dev/null'], env);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/audit-jsonl \[#+\] 100%/);
    expect(result.stdout).toMatch(/sha256: [0-9a-f]{64}/);
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(300);
  });

  it('exports only the range asked for', async () => {
    const [second] = await new AuditLog().list(db.dataSource, {}, 150, 1);
    const out = join(dir, 'range.jsonl');
    const result = await claimtrail(
      ['export', '--kind', 'audit-jsonl', '--out', out, '--from', second!.at],
      env,
    );
    expect(result.status).toBe(0);
    const seqs = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { seq: number }).seq);
    expect(seqs).toEqual(Array.from({ length: 150 }, (_, i) => 151 + i));
    expect(fields(result.stdout).rows).toBe('150');
  });

  it('refuses bad usage with status 2 and a file it cannot write with status 1, one line each', async () => {
    const out = join(dir, 'never.csv');
    for (const args of [
      ['--kind', 'pdf', '--out', out],
      ['--kind', 'audit-csv'],
      ['--kind', 'audit-csv', '--out', out, '--from', 'yesterday'],
      ['--kind', 'audit-csv', '--out', out, '--from', '2025-06-02', '--to', '2025-06-01'],
    ]) {
      const result = await claimtrail(['export', ...args], env);
      expect(`${args.join(' ')} → ${result.status}`).toBe(`${args.join(' ')} → 2`);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    expect(existsSync(out)).toBe(false);

    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, 'x');
    const result = await claimtrail(
      ['export', '--kind', 'claims-csv', '--out', join(blocked, 'claims.csv')],
      env,
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n').pop()).toMatch(
      /^claimtrail: cannot write .*claims\.csv: /,
    );
  });
});
