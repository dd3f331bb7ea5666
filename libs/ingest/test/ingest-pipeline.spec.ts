import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { AuditLog } from '@claimtrail/audit';
import {
  ArticleService,
  ExtractionService,
  QueueGateway,
  ReadService,
  Reconciler,
} from '@claimtrail/ingest';
import { createRedis } from '@claimtrail/queues';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { obliterateQueues, TEST_REDIS_URL, testQueuePrefix } from '../../../test/support/queues';

const article = (name: string) =>
  readFileSync(join(__dirname, '../../../test/fixtures/dev-set/articles', name), 'utf8');

describe('ingest pipeline on real Postgres and Redis', () => {
  let db: TestDatabase;
  let redis: Redis;
  let prefix: string;
  let queues: QueueGateway;
  let articles: ArticleService;
  let extraction: ExtractionService;
  let read: ReadService;
  const audit = new AuditLog();

  beforeAll(async () => {
    db = await createTestDatabase('ingest-pipeline');
    redis = createRedis(TEST_REDIS_URL);
    prefix = testQueuePrefix('ingest');
    queues = new QueueGateway(redis, prefix);
    articles = new ArticleService(db.dataSource, audit, queues);
    extraction = new ExtractionService(db.dataSource, audit);
    read = new ReadService(db.dataSource);
  });

  afterAll(async () => {
    await queues.close();
    await redis.quit();
    await obliterateQueues(prefix);
    await db.drop();
  });

  it('accepts an article once and queues its extraction', async () => {
    const text = article('ar-03-iraq-iran-gas-waiver.txt');
    const first = await articles.submit({ text, outlet: 'Iraqi Outlet' }, 'key:test');
    const again = await articles.submit({ text, outlet: 'Iraqi Outlet' }, 'key:test');
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.article.id).toBe(first.article.id);
    const job = await queues.extract.getJob(`extract-${first.article.id}`);
    expect(job?.data).toEqual({ articleId: first.article.id });
  });

  it('stores claims and registry sources once, however often extraction runs', async () => {
    const { article: a } = await articles.submit(
      { text: article('en-03-muscat-red-sea-talks.txt') },
      'key:test',
    );
    const outcome = await extraction.extractArticle(a.id);
    expect(outcome.kind).toBe('extracted');
    const rerun = await extraction.extractArticle(a.id);
    expect(rerun.kind).toBe('already-done');
    const { article: stored, claims } = await read.article(a.id);
    expect(stored.status).toBe('extracted');
    expect(claims.length).toBeGreaterThan(10);
    expect(new Set(claims.map((c) => c.ordinal)).size).toBe(claims.length);
    const attributed = claims.filter((c) => c.sources.length > 0);
    expect(attributed.length).toBeGreaterThan(5);
    if (outcome.kind === 'extracted') {
      await queues.enqueueReview(outcome.claims);
      expect(await queues.review.getJobCountByTypes('prioritized', 'waiting')).toBe(
        outcome.claims.length,
      );
    }
  });

  it('shares one registry source across articles ("US officials" in two articles)', async () => {
    const a = await articles.submit(
      {
        text: 'US officials said the talks would resume on Monday in Muscat.\nMore text here, officials said.',
      },
      'key:test',
    );
    const b = await articles.submit(
      { text: 'Headline\nUS officials said on Tuesday that the convoy had crossed the border.' },
      'key:test',
    );
    await extraction.extractArticle(a.article.id);
    await extraction.extractArticle(b.article.id);
    const page = await read.sources({ q: 'US officials' }, 50);
    const us = page.items.filter((s) => s.name === 'US officials');
    expect(us).toHaveLength(1);
    expect(us[0]!.trackRecord.claims).toBeGreaterThanOrEqual(2);
  });

  it('keeps a valid audit chain of every change', async () => {
    const result = await audit.verify(db.dataSource);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThan(10);
    const events = await audit.list(db.dataSource, { entityType: 'article' }, 0, 100);
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['article.accepted', 'article.extracted']),
    );
  });

  it('re-enqueues what Postgres says is waiting', async () => {
    const { article: a } = await articles.submit(
      { text: 'Headline\nThe ministry said on Sunday that the bridge would reopen.' },
      'key:test',
    );
    await queues.extract.remove(`extract-${a.id}`);
    const reconciler = new Reconciler(db.dataSource, queues);
    const swept = await reconciler.run();
    expect(swept.articles).toBe(1); // only the job Redis lacked
    // a second sweep finds nothing missing: it adds only what Redis does not hold
    expect(await reconciler.run()).toEqual({ articles: 0, claims: 0, retried: 0 });
    expect(await queues.extract.getJob(`extract-${a.id}`)).toBeTruthy();
  });
});
