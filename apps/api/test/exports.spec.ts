import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { pino } from 'pino';
import { AuditLog, GENESIS_HASH, hashEvent, type AuditRecord } from '@claimtrail/audit';
import { AUDIT_CSV_COLUMNS, CLAIMS_CSV_COLUMNS, type ClaimReview } from '@claimtrail/export';
import { ExtractionService, type ClaimView } from '@claimtrail/ingest';
// the e2e runs the real worker beside the API, as production does
import { createWorker, type WorkerHandle } from '../../worker/src/create-worker';
import { auditCursor } from '../src/audit/audit-cursor';
import { startApi, type ApiHarness } from './support/api-harness';
import { json, ReviewKit } from './support/review-kit';

interface ExportBody {
  id: string;
  kind: string;
  status: string;
  progress: number;
  rows?: number;
  bytes?: number;
  sha256?: string;
  auditHeadSeq?: number;
  auditHeadHash?: string;
  error?: string;
}

const ARTICLES = [
  {
    text: 'Convoys cross the border, "officials" say\nThe interior minister, Ahmad Khalil, said on Monday that 40 trucks, not 400, crossed the border.\n"We have nothing to hide," a ministry spokesman told Reuters.\n',
    headline: 'Convoys cross the border, "officials" say',
    outlet: 'The National, Abu Dhabi',
    url: 'https://news.example/convoys?id=1,2&x="y"',
    language: 'en',
    publishedAt: '2025-06-01T08:00:00.000Z',
  },
  {
    text: 'قافلة تعبر الحدود\nقال وزير الداخلية أحمد خليل يوم الاثنين إن "40 شاحنة، وليس 400" عبرت الحدود.\nوأضاف أن الوزارة "لا تخفي شيئاً، ولن تخفي".\n',
    headline: 'قافلة تعبر الحدود، "رسمياً"',
    outlet: 'الشرق الأوسط',
    url: 'https://news.example/ar/قافلة',
    language: 'ar',
    publishedAt: '2025-06-02T09:30:00.000Z',
  },
] as const;

const VERDICTS = [
  {
    attribution: 'confirmed',
    veracity: 'false',
    rationale: 'قالت الوزارة، خلافاً لذلك، إن "العدد 40"\nوليس 400.',
  },
  {
    attribution: 'misattributed',
    veracity: 'misleading',
    rationale: 'He said "40, not 400",\r\nbut about another crossing.',
  },
  { attribution: 'confirmed', veracity: 'true' },
  {
    attribution: 'unconfirmed',
    veracity: 'unverifiable',
    rationale: 'No record, no comment; "none".',
  },
  { attribution: 'confirmed', veracity: 'mostly_true', rationale: 'Close: 38, not 40.' },
] as const;

const NEWSROOM = { name: 'Desk «Verify», Beirut', url: 'https://desk.example' };
const PUBLIC_BASE_URL = 'https://claims.example';

/** schema.org ClaimReview: the fields Google's fact-check markup requires and recommends. */
const party = {
  type: 'object',
  required: ['@type', 'name'],
  properties: {
    '@type': { enum: ['Person', 'Organization'] },
    name: { type: 'string', minLength: 1 },
  },
};
const creativeWork = {
  type: 'object',
  required: ['@type', 'url'],
  properties: { '@type': { const: 'CreativeWork' }, url: { type: 'string', format: 'uri' } },
};
const CLAIM_REVIEW_SCHEMA = {
  type: 'object',
  required: [
    '@context',
    '@type',
    'url',
    'claimReviewed',
    'datePublished',
    'author',
    'reviewRating',
    'itemReviewed',
  ],
  properties: {
    '@context': { const: 'https://schema.org' },
    '@type': { const: 'ClaimReview' },
    url: { type: 'string', format: 'uri' },
    claimReviewed: { type: 'string', minLength: 1 },
    datePublished: { type: 'string', format: 'date-time' },
    expires: { type: 'string', format: 'date-time' },
    author: {
      type: 'object',
      required: ['@type', 'name', 'url'],
      properties: {
        '@type': { const: 'Organization' },
        name: { type: 'string', minLength: 1 },
        url: { type: 'string', format: 'uri' },
      },
    },
    reviewRating: {
      type: 'object',
      required: ['@type', 'alternateName'],
      properties: {
        '@type': { const: 'Rating' },
        alternateName: { type: 'string', minLength: 1 },
        ratingValue: { type: 'integer', minimum: 1, maximum: 5 },
        bestRating: { const: 5 },
        worstRating: { const: 1 },
      },
      // a numeric scale for every rating but "Unverifiable", which has none
      if: { properties: { alternateName: { const: 'Unverifiable' } } },
      then: { properties: { ratingValue: false, bestRating: false, worstRating: false } },
      else: { required: ['ratingValue', 'bestRating', 'worstRating'] },
    },
    itemReviewed: {
      type: 'object',
      required: ['@type', 'author', 'datePublished', 'appearance', 'firstAppearance'],
      properties: {
        '@type': { const: 'Claim' },
        author: { oneOf: [party, { type: 'array', minItems: 2, items: party }] },
        datePublished: { type: 'string', format: 'date-time' },
        appearance: { type: 'array', minItems: 1, items: creativeWork },
        firstAppearance: creativeWork,
      },
    },
  },
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Events of the audit log rebuilt from an export's fields, checked link by link. */
function expectChain(records: AuditRecord[], headSeq: number, headHash: string): void {
  let prev = GENESIS_HASH;
  records.forEach((r, i) => {
    expect(r.seq).toBe(i + 1);
    expect(r.prevHash).toBe(prev);
    expect(hashEvent(prev, r)).toBe(r.hash);
    prev = r.hash;
  });
  expect(records.length).toBe(headSeq);
  expect(prev).toBe(headHash);
}

describe('exports, end to end (API and worker)', () => {
  let api: ApiHarness;
  let kit: ReviewKit;
  let worker: WorkerHandle | undefined;
  let dir: string;
  const claims: ClaimView[] = [];
  const logger = pino({ level: 'silent' });

  const post = (body: object, role: 'auditor' | 'admin' = 'auditor') =>
    api.call(role, { method: 'POST', url: '/exports', payload: body });
  const get = async (id: string) =>
    json<ExportBody>(await api.call('auditor', { method: 'GET', url: `/exports/${id}` }));
  const download = (id: string) =>
    api.call('auditor', { method: 'GET', url: `/exports/${id}/download` });
  const startWorker = (exportDir = dir) =>
    createWorker({ ...api.config, exportDir }, { logger, concurrency: 2 });

  async function finished(id: string, status = 'done'): Promise<ExportBody> {
    const deadline = Date.now() + 45_000;
    for (;;) {
      const body = await get(id);
      if (body.status === status) return body;
      if (body.status === 'done' || body.status === 'failed' || Date.now() > deadline)
        throw new Error(`export ${id} is ${body.status}, not ${status}: ${JSON.stringify(body)}`);
      await sleep(100);
    }
  }

  /** Starts an export of `kind`, waits until done, downloads it: its record and its bytes. */
  async function exportOf(body: object) {
    const res = await post(body);
    expect(res.statusCode).toBe(202);
    const { id, status } = json<{ id: string; status: string }>(res);
    expect(status).toBe('queued');
    const done = await finished(id);
    const file = await download(id);
    expect(file.statusCode).toBe(200);
    const bytes = file.rawPayload;
    // what was recorded is what is served
    expect(sha256(bytes)).toBe(done.sha256);
    expect(file.headers['x-content-sha256']).toBe(done.sha256);
    expect(file.headers['repr-digest']).toBe(
      `sha-256=:${Buffer.from(done.sha256!, 'hex').toString('base64')}:`,
    );
    expect(bytes.length).toBe(done.bytes);
    expect(done.progress).toBe(100);
    return { done, file, text: bytes.toString('utf8') };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimtrail-exports-'));
    api = await startApi('exports', {
      exportDir: dir,
      newsroom: NEWSROOM,
      publicBaseUrl: PUBLIC_BASE_URL,
    });
    kit = new ReviewKit(api);
    const extraction = new ExtractionService(api.db.dataSource, new AuditLog());
    for (const article of ARTICLES) {
      const res = await api.call('editor', { method: 'POST', url: '/articles', payload: article });
      expect(res.statusCode).toBe(202);
      const outcome = await extraction.extractArticle(json<{ id: string }>(res).id);
      if (outcome.kind !== 'extracted') throw new Error(`extraction: ${outcome.kind}`);
      await kit.gateway.enqueueReview(outcome.claims);
    }
    // every claim reviewed but the last one leased, which goes back to waiting
    const inFuture = new Date(Date.now() + 30 * 86_400_000).toISOString();
    for (let i = 0; ; i++) {
      const leased = await kit.lease('reviewer');
      if (leased.statusCode === 204) break;
      const { claim, lease } = json<{ claim: { id: string }; lease: { token: string } }>(leased);
      const verdict = VERDICTS[i % VERDICTS.length]!;
      if (i === 5) {
        expect((await kit.release('reviewer', claim.id, lease.token)).statusCode).toBe(204);
        break;
      }
      const res = await kit.verdict('reviewer', claim.id, {
        token: lease.token,
        ...verdict,
        ...(i % 2 === 0 ? { reverifyAt: inFuture } : {}),
      });
      expect(res.statusCode).toBe(200);
    }
    const listed = json<{ items: ClaimView[] }>(
      await api.call('auditor', { method: 'GET', url: '/claims?limit=200' }),
    );
    claims.push(...listed.items);
  });

  afterAll(async () => {
    await worker?.close();
    await kit?.close();
    await api?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has the claims the exports are checked against', () => {
    expect(claims).toHaveLength(6);
    expect(claims.filter((c) => c.verdict)).toHaveLength(5);
  });

  it('refuses a bad kind, bad times or to before from with a 400 naming the field', async () => {
    const cases: [object, RegExp][] = [
      [{}, /kind must be one of audit-csv, audit-jsonl, claims-csv, claimreview/],
      [{ kind: 'pdf' }, /kind must be one of/],
      [{ kind: 'audit-csv', from: 'yesterday' }, /from must be an ISO 8601 date-time/],
      [{ kind: 'audit-csv', to: '2025-13-01T00:00:00Z' }, /to must be an ISO 8601 date-time/],
      [
        { kind: 'audit-csv', from: '2025-06-02T00:00:00Z', to: '2025-06-01T00:00:00Z' },
        /to must not be before from/,
      ],
      [{ kind: 'audit-csv', format: 'zip' }, /property format should not exist/],
    ];
    for (const [body, message] of cases) {
      const res = await post(body);
      expect(res.statusCode).toBe(400);
      expect(json<{ message: string }>(res).message).toMatch(message);
    }
    expect((await api.call('auditor', { method: 'GET', url: '/exports/nope' })).statusCode).toBe(
      400,
    );
    const unknown = '6f1c2d9e-1111-4222-8333-444455556666';
    expect(
      (await api.call('auditor', { method: 'GET', url: `/exports/${unknown}` })).statusCode,
    ).toBe(404);
    expect((await download(unknown)).statusCode).toBe(404);
  });

  it('answers 409 to a download before the export is done, then serves it once the worker wrote it', async () => {
    const res = await post({ kind: 'claims-csv' });
    expect(res.statusCode).toBe(202);
    const { id } = json<{ id: string }>(res);
    expect(await get(id)).toMatchObject({ id, kind: 'claims-csv', status: 'queued', progress: 0 });
    const early = await download(id);
    expect(early.statusCode).toBe(409);
    expect(json<{ message: string }>(early).message).toMatch(/is queued .*once its status is done/);

    worker = await startWorker();
    const done = await finished(id);
    expect((await download(id)).statusCode).toBe(200);
    expect(done.rows).toBe(6);
  });

  it('exports the audit log as CSV that a CSV parser reads back and whose chain verifies to the recorded head', async () => {
    const { done, file, text } = await exportOf({ kind: 'audit-csv' });
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="claimtrail-audit-csv-${done.id}.csv"`,
    );
    const [header, ...rows] = parse(text);
    expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
    const fromFile: AuditRecord[] = rows.map((r) => ({
      seq: Number(r[0]),
      at: r[1]!,
      actor: r[2]!,
      action: r[3]!,
      entityType: r[4]!,
      entityId: r[5]!,
      before: JSON.parse(r[6]!) as unknown,
      after: JSON.parse(r[7]!) as unknown,
      prevHash: r[8]!,
      hash: r[9]!,
    }));
    expect(done.rows).toBe(rows.length);
    expectChain(fromFile, done.auditHeadSeq!, done.auditHeadHash!);
    // field for field what the log holds, Arabic, quotes, commas and line breaks included
    const logged = await new AuditLog().list(api.db.dataSource, {}, 0, done.auditHeadSeq!);
    expect(fromFile).toEqual(logged);
    expect(text).toContain('\\n');
    // the export's own request is inside what it covers
    expect(fromFile.some((e) => e.action === 'export.requested' && e.entityId === done.id)).toBe(
      true,
    );

    // the head is in the log, and the log verifies past it
    const verify = json<{ ok: boolean; headSeq: number }>(
      await api.call('auditor', { method: 'GET', url: '/audit/verify' }),
    );
    expect(verify.ok).toBe(true);
    expect(verify.headSeq).toBeGreaterThanOrEqual(done.auditHeadSeq!);
    const atHead = json<{ items: AuditRecord[] }>(
      await api.call('auditor', {
        method: 'GET',
        url: `/audit?limit=1&cursor=${auditCursor.encode(done.auditHeadSeq! - 1)}`,
      }),
    ).items[0]!;
    expect(atHead).toMatchObject({ seq: done.auditHeadSeq, hash: done.auditHeadHash });
    // and the log records the file: export.completed carries its hash and head
    const [completed] = await new AuditLog().list(
      api.db.dataSource,
      { entityType: 'export', entityId: done.id },
      done.auditHeadSeq!,
      10,
    );
    expect(completed).toMatchObject({
      action: 'export.completed',
      actor: 'system:export',
      after: {
        status: 'done',
        sha256: done.sha256,
        rows: done.rows,
        bytes: done.bytes,
        auditHeadSeq: done.auditHeadSeq,
        auditHeadHash: done.auditHeadHash,
      },
    });
  });

  it('exports the audit log as JSON Lines, one event a line, up to the head', async () => {
    const { done, file, text } = await exportOf({ kind: 'audit-jsonl' });
    expect(file.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(text.endsWith('\n')).toBe(true);
    const records = text
      .slice(0, -1)
      .split('\n')
      .map((line) => JSON.parse(line) as AuditRecord);
    expectChain(records, done.auditHeadSeq!, done.auditHeadHash!);
    expect(records).toEqual(
      await new AuditLog().list(api.db.dataSource, {}, 0, done.auditHeadSeq!),
    );
  });

  it('exports audit events in a time range, and nothing for a range before them', async () => {
    const [third] = await new AuditLog().list(api.db.dataSource, {}, 2, 1);
    const { text, done } = await exportOf({ kind: 'audit-csv', to: third!.at });
    const [, ...rows] = parse(text);
    expect(rows.every((r) => Date.parse(r[1]!) < Date.parse(third!.at))).toBe(true);
    expect(rows.length).toBe(done.rows);
    const none = await exportOf({
      kind: 'audit-jsonl',
      from: '2000-01-01T00:00:00Z',
      to: '2000-01-02T00:00:00Z',
    });
    expect(none.text).toBe('');
    expect(none.done.rows).toBe(0);
  });

  it('exports claims as CSV: every field of every claim read back exactly', async () => {
    const { text, done } = await exportOf({ kind: 'claims-csv' });
    const records = parse<Record<string, string>>(text, { columns: true });
    expect(Object.keys(records[0]!)).toEqual([...CLAIMS_CSV_COLUMNS]);
    expect(done.rows).toBe(6);
    const articles = new Map<string, (typeof ARTICLES)[number]>();
    for (const c of claims) {
      const a = json<{ url: string }>(
        await api.call('auditor', { method: 'GET', url: `/articles/${c.articleId}` }),
      );
      articles.set(
        c.articleId,
        ARTICLES.find((x) => x.url === a.url)!,
      );
    }
    const expected = claims.map((c) => {
      const article = articles.get(c.articleId)!;
      return {
        id: c.id,
        article_id: c.articleId,
        article_url: article.url,
        article_outlet: article.outlet,
        article_headline: article.headline,
        language: c.language,
        text: c.text,
        type: c.type,
        sources: c.sources.map((s) => s.name),
        source_ids: c.sources.map((s) => s.id),
        via: c.via.map((s) => s.name),
        via_ids: c.via.map((s) => s.id),
        status: c.status,
        attribution: c.verdict?.attribution ?? '',
        veracity: c.verdict?.veracity ?? '',
        rationale: c.verdict?.rationale ?? '',
        reviewer_id: c.verdict?.reviewerId ?? '',
        reviewer_name: c.verdict ? 'test reviewer' : '',
        reviewed_at: c.verdict?.createdAt ?? '',
        reverify_at: c.reverifyAt ?? '',
        created_at: c.createdAt,
      };
    });
    const read = records.map((r) => ({
      ...r,
      sources: JSON.parse(r.sources!) as string[],
      source_ids: JSON.parse(r.source_ids!) as string[],
      via: JSON.parse(r.via!) as string[],
      via_ids: JSON.parse(r.via_ids!) as string[],
    }));
    expect(read).toEqual(expected);
    // the awkward cases are there to be read back
    const all = records.flatMap((r) => Object.values(r)).join('\u0001');
    for (const s of ['"', ',', '\n', '\r\n', 'أحمد خليل']) expect(all).toContain(s);
  });

  it('exports ClaimReview JSON-LD that passes the schema, one review per claim with a verdict', async () => {
    const { text, file, done } = await exportOf({ kind: 'claimreview' });
    expect(file.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(file.headers['content-disposition']).toMatch(/\.jsonld"$/);
    const reviews = JSON.parse(text) as ClaimReview[];
    const reviewed = claims.filter((c) => c.verdict);
    expect(reviews).toHaveLength(reviewed.length);
    expect(done.rows).toBe(reviewed.length);
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(CLAIM_REVIEW_SCHEMA);
    const labels = {
      true: 'True',
      mostly_true: 'Mostly true',
      misleading: 'Misleading',
      false: 'False',
      unverifiable: 'Unverifiable',
    };
    for (const review of reviews) {
      expect({ review, errors: validate(review) ? null : validate.errors }).toEqual({
        review,
        errors: null,
      });
      const claim = reviewed.find((c) => review.url === `${PUBLIC_BASE_URL}/claims/${c.id}`)!;
      expect(claim).toBeDefined();
      expect(review.claimReviewed).toBe(claim.text);
      expect(review.datePublished).toBe(claim.verdict!.createdAt);
      expect(review.author).toEqual({ '@type': 'Organization', ...NEWSROOM });
      expect(review.reviewRating.alternateName).toBe(labels[claim.verdict!.veracity]);
      if (claim.reverifyAt) expect(review.expires).toBe(claim.reverifyAt);
      else expect(review).not.toHaveProperty('expires');
      const article = ARTICLES.find((a) => a.language === claim.language)!;
      // the stored URL as a URI: its Arabic and its quotes percent-encoded
      expect(review.itemReviewed.firstAppearance?.url).toBe(new URL(article.url).href);
      expect(review.itemReviewed.datePublished).toBe(article.publishedAt);
    }
    // the outlet speaks for itself in the Arabic headline claim
    const names = reviews.flatMap((r) => [r.itemReviewed.author].flat().map((p) => p?.name));
    expect(names).toEqual(expect.arrayContaining(['أحمد خليل']));
  });

  it('lists exports newest first, page by page', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api.call('auditor', {
        method: 'GET',
        url: `/exports?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(res.statusCode).toBe(200);
      const page = json<{
        items: (ExportBody & { createdAt: string })[];
        nextCursor: string | null;
      }>(res);
      seen.push(...page.items.map((e) => e.createdAt));
      cursor = page.nextCursor;
    } while (cursor);
    const rows = await api.db.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM exports',
    );
    expect(seen).toHaveLength(rows[0]!.n);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it('marks an export failed when its directory cannot be written, and serves no file', async () => {
    await worker?.close();
    const blocked = join(dir, 'not-a-directory');
    writeFileSync(blocked, 'x');
    worker = await startWorker(join(blocked, 'exports'));
    const res = await post({ kind: 'audit-csv' }, 'admin');
    const { id } = json<{ id: string }>(res);
    const failed = await finished(id, 'failed');
    expect(failed.error).toMatch(/cannot write to EXPORT_DIR/);
    expect(failed).not.toHaveProperty('sha256');
    const refused = await download(id);
    expect(refused.statusCode).toBe(409);
    expect(json<{ message: string }>(refused).message).toMatch(
      /failed: cannot write to EXPORT_DIR/,
    );
    const [event] = await new AuditLog().list(
      api.db.dataSource,
      { entityType: 'export', entityId: id, actor: 'system:export' },
      0,
      5,
    );
    expect(event).toMatchObject({ action: 'export.failed', after: { status: 'failed' } });
    // no temporary file was left anywhere
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});
