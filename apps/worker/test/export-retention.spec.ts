import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { AuditLog } from '@claimtrail/audit';
import { ExportRetention } from '@claimtrail/export';
import { ApiKeyService } from '@claimtrail/ingest';
import { createRedis, EXPIRE_EXPORTS_SCHEDULER_ID, QUEUES } from '@claimtrail/queues';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { storeFinishedExport } from '../../../test/support/finished-exports';
import { obliterateQueues, TEST_REDIS_URL, testQueuePrefix } from '../../../test/support/queues';
import { createWorker, type WorkerHandle } from '../src/create-worker';
import { eventually, silentLogger, testConfig } from './support/worker-test-kit';

const WEEK_MS = 7 * 86_400_000;

interface ExportRow {
  id: string;
  status: string;
  file: string | null;
  finished_at: Date;
  expired_at: Date | null;
}

/**
 * Export retention in the worker, against the real Postgres and Redis: the scheduled sweep
 * deletes the files of exports finished longer ago than EXPORT_RETENTION and marks them
 * expired, each with an audit event; younger exports, failed ones and files it cannot delete
 * are left as they are.
 */
describe('export retention', () => {
  let db: TestDatabase;
  let redis: Redis;
  let prefix: string;
  let dir: string;
  let requestedBy: string;
  let exportQueue: Queue;
  let worker: WorkerHandle | undefined;
  const audit = new AuditLog();

  const rows = async (ids: string[]) =>
    db.dataSource.query<ExportRow[]>(
      `SELECT id, status, file, finished_at, expired_at FROM exports
       WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)`,
      [ids],
    );
  const expiryEvents = (id?: string) =>
    audit
      .list(db.dataSource, { entityType: 'export', ...(id ? { entityId: id } : {}) }, 0, 200)
      .then((events) => events.filter((e) => e.action === 'export.expired'));

  beforeAll(async () => {
    db = await createTestDatabase('export-retention');
    prefix = testQueuePrefix('export-retention');
    redis = createRedis(TEST_REDIS_URL);
    exportQueue = new Queue(QUEUES.export, { connection: redis, prefix });
    dir = mkdtempSync(join(tmpdir(), 'claimtrail-retention-'));
    const { key } = await new ApiKeyService(db.dataSource, audit).create(
      'auditor',
      'auditor',
      'system:test',
    );
    requestedBy = key.id;
  });

  afterAll(async () => {
    await worker?.close();
    await exportQueue?.close();
    await redis?.quit();
    if (prefix) await obliterateQueues(prefix);
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('deletes the files of exports past their retention and marks them expired, once each', async () => {
    const store = (finishedAgo: string, options: { status?: 'failed'; writeFile?: false } = {}) =>
      storeFinishedExport(db.dataSource, dir, requestedBy, { finishedAgo, ...options });
    const old = await store('8 days');
    const gone = await store('30 days', { writeFile: false });
    // a directory where the file should be: it cannot be unlinked, and must not hold up the rest
    const stuck = await store('9 days', { writeFile: false });
    mkdirSync(stuck.path);
    const young = await store('6 days 23 hours');
    const failed = await store('30 days', { status: 'failed' });
    const before = await rows([young.id, failed.id, stuck.id]);

    worker = await createWorker(
      { ...testConfig(db.url, TEST_REDIS_URL, prefix), exportDir: dir, exportRetentionMs: WEEK_MS },
      { logger: silentLogger, expireExportsEveryMs: 200 },
    );
    expect(await exportQueue.getJobScheduler(EXPIRE_EXPORTS_SCHEDULER_ID)).toMatchObject({
      every: 200,
    });
    await eventually(
      'the old exports to expire',
      async () => (await rows([old.id, gone.id])).every((r) => r.status === 'expired') || undefined,
      15_000,
    );

    expect(existsSync(old.path)).toBe(false);
    const [oldRow, goneRow] = await rows([old.id, gone.id]);
    for (const row of [oldRow!, goneRow!]) {
      expect(row.expired_at).toBeInstanceOf(Date);
      expect(row.expired_at!.getTime()).toBeGreaterThan(row.finished_at.getTime() + WEEK_MS);
      // the row still names the file it had, for the record
      expect(row.file).toMatch(/\.csv$/);
    }
    // each expiry is in the audit log, by the export worker, saying whether there was a file
    expect(await expiryEvents(old.id)).toEqual([
      expect.objectContaining({
        actor: 'system:export',
        action: 'export.expired',
        entityType: 'export',
        entityId: old.id,
        before: {
          status: 'done',
          file: old.file,
          finishedAt: oldRow!.finished_at.toISOString(),
        },
        after: { status: 'expired', fileDeleted: true, retentionMs: WEEK_MS },
      }),
    ]);
    expect(await expiryEvents(gone.id)).toEqual([
      expect.objectContaining({
        after: { status: 'expired', fileDeleted: false, retentionMs: WEEK_MS },
      }),
    ]);

    // younger than the retention, failed (no file), or a file that cannot be deleted: untouched
    expect(await rows([young.id, failed.id, stuck.id])).toEqual(before);
    expect(readFileSync(young.path, 'utf8')).toContain('6 days 23 hours');
    expect(existsSync(stuck.path)).toBe(true);

    // more sweeps find nothing more to do: one expiry per export
    const sweepsSoFar = await exportQueue.getCompletedCount();
    await eventually(
      'three more sweeps',
      async () => (await exportQueue.getCompletedCount()) >= sweepsSoFar + 3 || undefined,
      10_000,
    );
    expect(await expiryEvents()).toHaveLength(2);

    // once what blocked it is gone, the next sweep expires the stuck export too
    rmSync(stuck.path, { recursive: true });
    await eventually(
      'the stuck export to expire',
      async () => (await rows([stuck.id]))[0]!.status === 'expired' || undefined,
      10_000,
    );
    expect(await expiryEvents(stuck.id)).toEqual([
      expect.objectContaining({
        after: { status: 'expired', fileDeleted: false, retentionMs: WEEK_MS },
      }),
    ]);
    expect(await rows([young.id])).toEqual(before.slice(0, 1));
    expect((await audit.verify(db.dataSource)).ok).toBe(true);

    await worker.close();
    worker = undefined;
  });

  it('goes through any number of exports in batches, and two sweeps at once expire each once', async () => {
    const many = await Promise.all(
      Array.from({ length: 7 }, () =>
        storeFinishedExport(db.dataSource, dir, requestedBy, { finishedAgo: '10 days' }),
      ),
    );
    const sweep = () => new ExportRetention(db.dataSource, dir, WEEK_MS, audit, 2).sweep();
    const [a, b] = await Promise.all([sweep(), sweep()]);
    expect(a.expired + b.expired).toBe(7);
    expect(a.failed).toEqual([]);
    expect(b.failed).toEqual([]);
    const ids = many.map((e) => e.id);
    expect((await rows(ids)).every((r) => r.status === 'expired')).toBe(true);
    expect(many.some((e) => existsSync(e.path))).toBe(false);
    for (const id of ids) expect(await expiryEvents(id)).toHaveLength(1);
    expect(await sweep()).toEqual({ expired: 0, missing: 0, failed: [] });
  });
});
