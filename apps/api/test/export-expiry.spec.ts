import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExportRetention } from '@claimtrail/export';
import { storeFinishedExport, type StoredExport } from '../../../test/support/finished-exports';
import { startApi, type ApiHarness } from './support/api-harness';
import { anyString, matching } from './support/matchers';
import { json } from './support/review-kit';

interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
  components: {
    schemas: Record<string, { properties: Record<string, { enum?: string[] }> }>;
  };
}

/**
 * An expired export through the API: its record says so, and its download is 410 Gone (the
 * file was deleted and will not come back), while a younger export still downloads.
 */
describe('expired exports in the API', () => {
  let api: ApiHarness;
  let dir: string;
  let old: StoredExport;
  let young: StoredExport;

  const get = (url: string) => api.call('auditor', { method: 'GET', url });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimtrail-export-expiry-'));
    api = await startApi('export-expiry', { exportDir: dir });
    const store = (finishedAgo: string) =>
      storeFinishedExport(api.db.dataSource, dir, api.keyIds.auditor, { finishedAgo });
    old = await store('8 days');
    young = await store('1 hour');
    // the worker's sweep, with the API's configuration (EXPORT_RETENTION's default, 7 days)
    const swept = await new ExportRetention(
      api.db.dataSource,
      dir,
      api.config.exportRetentionMs,
    ).sweep();
    expect(swept).toEqual({ expired: 1, missing: 0, failed: [] });
  });

  afterAll(async () => {
    await api?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('GET /exports/:id shows it expired, with when, and keeps its hash', async () => {
    const res = await get(`/exports/${old.id}`);
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({
      id: old.id,
      kind: 'audit-csv',
      status: 'expired',
      expiredAt: matching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      sha256: old.sha256,
      finishedAt: anyString,
    });
    const listed = json<{ items: { id: string; status: string }[] }>(await get('/exports'));
    expect(listed.items.find((e) => e.id === old.id)?.status).toBe('expired');
    expect(json(await get(`/exports/${young.id}`))).not.toHaveProperty('expiredAt');
  });

  it('GET /exports/:id/download answers 410 Gone with the JSON error body', async () => {
    const res = await get(`/exports/${old.id}/download`);
    expect(res.statusCode).toBe(410);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json(res)).toEqual({
      statusCode: 410,
      error: 'Gone',
      message: matching(
        new RegExp(`^export ${old.id} expired at .*: its file was deleted after EXPORT_RETENTION`),
      ),
      status: 'expired',
    });
    // a younger export is still there to download
    const kept = await get(`/exports/${young.id}/download`);
    expect(kept.statusCode).toBe(200);
    expect(kept.headers['x-content-sha256']).toBe(young.sha256);
  });

  it('documents the 410 and the expired status in the OpenAPI document', async () => {
    const doc = json<OpenApi>(await get('/docs-json'));
    const download = doc.paths['/exports/{id}/download']!.get!;
    expect(Object.keys(download.responses)).toEqual(
      expect.arrayContaining(['200', '400', '404', '409', '410']),
    );
    // the errors are JSON, the file one of the three media types of the exports
    for (const status of ['404', '409', '410'])
      expect(download.responses[status]!.content).toEqual({
        'application/json': { schema: { $ref: '#/components/schemas/ErrorDto' } },
      });
    expect(Object.keys(download.responses['200']!.content as object).sort()).toEqual([
      'application/ld+json',
      'application/x-ndjson',
      'text/csv',
    ]);
    const exportDto = doc.components.schemas.ExportDto!.properties;
    expect(exportDto.status!.enum).toEqual(['queued', 'running', 'done', 'failed', 'expired']);
    expect(exportDto).toHaveProperty('expiredAt');
  });
});
