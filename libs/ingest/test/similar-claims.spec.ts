import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import fc from 'fast-check';
import {
  similarityBands,
  similarityKey,
  trigramSimilarity,
  trigramsOf,
} from '@claimtrail/attribution';
import { AuditLog } from '@claimtrail/audit';
import {
  ExtractionService,
  LINK_LOCK,
  relinkSimilarClaim,
  ReadService,
  SIMILARITY_THRESHOLD,
  type ExtractionOutcome,
  type SimilarClaimView,
} from '@claimtrail/ingest';
import { MIGRATIONS } from '@claimtrail/persistence';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { storeArticle } from '../../../test/support/stored-articles';

const RAFAH_EN = 'the Rafah border crossing would reopen to aid convoys within three days';
const RAFAH_EN_AGAIN = 'the Rafah border-crossing would REOPEN to aid convoys within 3 days';
const RAFAH_AR = 'المعبرَ الحدوديَّ سيُعادُ فتحُه أمام قوافل الإغاثة خلال ثلاثةِ أيّامٍ';
const RAFAH_AR_PLAIN = 'المعبر الحدودي سيعاد فتحه امام قوافل الاغاثة خلال ثلاثة ايام';

// headlines are claims too: each article has its own
const english = (headline: string, crossing: string, other: string) =>
  `${headline}\nThe Interior Ministry said on Monday that ${crossing}.\n${other}.\n`;
const arabic = (headline: string, crossing: string) =>
  `${headline}\nقالَ وزيرُ الداخلية أحمد الراشد يوم الاثنين إنّ ${crossing}.\n`;

interface Link {
  claim_id: string;
  similar_id: string;
  similarity: number;
}

const links = (db: DataSource) =>
  db.query<Link[]>('SELECT claim_id, similar_id, similarity FROM claim_similarities');

/** The id of the claim of `articleId` whose text is `text`. */
async function claimOf(db: DataSource, articleId: string, text: string): Promise<string> {
  const [row] = await db.query<{ id: string }[]>(
    'SELECT id FROM claims WHERE article_id = $1 AND text = $2',
    [articleId, text],
  );
  if (!row) throw new Error(`no claim "${text}" in article ${articleId}`);
  return row.id;
}

const extracted = (outcome: ExtractionOutcome | Error | undefined) => {
  if (outcome instanceof Error) throw outcome;
  expect(outcome?.kind).toBe('extracted');
};

/**
 * Claims whose normalised texts are close are linked when they are extracted (pg_trgm on the
 * real Postgres): across spelling variants, once per pair, never within an article, and never
 * twice; the links read both ways with the claims' current verdicts.
 */
describe('similar claims on extraction', () => {
  let db: TestDatabase;
  let extraction: ExtractionService;
  let read: ReadService;
  /** The similar claims a claim's read shows. */
  let similarTo: (claimId: string) => Promise<SimilarClaimView[]>;
  const audit = new AuditLog();

  const store = (text: string, outlet: string) => storeArticle(db.dataSource, text, { outlet });

  beforeAll(async () => {
    db = await createTestDatabase('similar-claims');
    extraction = new ExtractionService(db.dataSource, audit);
    read = new ReadService(db.dataSource);
    similarTo = async (id) => (await read.claimDetail(id)).similar;
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('links a claim to the close claim of an earlier article, in English and in Arabic', async () => {
    const first = await store(
      english(
        'Crossing to reopen',
        RAFAH_EN,
        'Heavy rain flooded the old market in Sidon overnight',
      ),
      'Gulf Wire',
    );
    const firstAr = await store(arabic('وزارة الداخلية: المعبر سيفتح', RAFAH_AR), 'وكالة الأنباء');
    for (const o of await extraction.extractBatch([{ articleId: first }, { articleId: firstAr }]))
      extracted(o);
    expect(await links(db.dataSource)).toEqual([]);

    const second = await store(
      english(
        'Aid route update',
        RAFAH_EN_AGAIN,
        'Shares of the national airline rose after record profits',
      ),
      'Levant Daily',
    );
    const secondAr = await store(arabic('قوافل الإغاثة', RAFAH_AR_PLAIN), 'الشرق اليوم');
    for (const o of await extraction.extractBatch([{ articleId: second }, { articleId: secondAr }]))
      extracted(o);

    const en = [await claimOf(db.dataSource, first, RAFAH_EN)];
    en.push(await claimOf(db.dataSource, second, RAFAH_EN_AGAIN));
    const ar = [await claimOf(db.dataSource, firstAr, RAFAH_AR)];
    ar.push(await claimOf(db.dataSource, secondAr, RAFAH_AR_PLAIN));
    const found = await links(db.dataSource);
    // the later claim links to the earlier one; the rain, the airline and the headlines
    // resemble nothing, and the two languages never meet
    expect(found.map((l) => [l.claim_id, l.similar_id]).sort()).toEqual(
      [
        [en[1], en[0]],
        [ar[1], ar[0]],
      ].sort(),
    );
    // diacritics, hamza and ta marbuta forms make no difference; case, a hyphen and a digit little
    expect(found.find((l) => l.claim_id === ar[1])!.similarity).toBe(1);
    const enSimilarity = found.find((l) => l.claim_id === en[1])!.similarity;
    expect(enSimilarity).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
    expect(enSimilarity).toBeLessThan(1);

    // read from either side, the closest first
    expect(await similarTo(en[0]!)).toEqual([
      { id: en[1], text: RAFAH_EN_AGAIN, similarity: Math.round(enSimilarity * 100) / 100 },
    ]);
    expect(await similarTo(ar[1]!)).toEqual([{ id: ar[0], text: RAFAH_AR, similarity: 1 }]);
    const rain = await claimOf(
      db.dataSource,
      first,
      'Heavy rain flooded the old market in Sidon overnight',
    );
    expect(await similarTo(rain)).toEqual([]);
  });

  it('shows the current verdict of each similar claim', async () => {
    const [pair] = await db.dataSource.query<Link[]>(
      'SELECT claim_id, similar_id FROM claim_similarities ORDER BY similarity LIMIT 1',
    );
    const [key] = await db.dataSource.query<{ id: string }[]>(
      `INSERT INTO api_keys (name, role, key_hash, key_prefix) VALUES ('reviewer', 'reviewer', $1, 'ct_test') RETURNING id`,
      [randomBytes(16).toString('hex')],
    );
    const [verdict] = await db.dataSource.query<{ id: string }[]>(
      // times with microseconds, which the similar claims' JSON gives as text
      `INSERT INTO verdicts (claim_id, reviewer_id, attribution, veracity, rationale, evidence,
         reverify_at, created_at)
       VALUES ($1, $2, 'confirmed', 'false', 'The crossing stayed shut.',
         '[{"url": "https://example.org/crossing", "note": "closed"}]',
         '2027-03-01 10:20:30.456789+00', '2026-11-30 08:09:10.999999+00') RETURNING id`,
      [pair!.similar_id, key!.id],
    );
    await db.dataSource.query(
      `UPDATE claims SET status = 'reviewed', current_verdict_id = $2 WHERE id = $1`,
      [pair!.similar_id, verdict!.id],
    );
    const [shown] = await similarTo(pair!.claim_id);
    expect(shown).toMatchObject({
      id: pair!.similar_id,
      verdict: {
        id: verdict!.id,
        claimId: pair!.similar_id,
        reviewerId: key!.id,
        attribution: 'confirmed',
        veracity: 'false',
        rationale: 'The crossing stayed shut.',
        evidence: [{ url: 'https://example.org/crossing', note: 'closed' }],
        reverifyAt: '2027-03-01T10:20:30.456Z',
        createdAt: '2026-11-30T08:09:10.999Z',
      },
    });
    // exactly as the claim's own read shows its current verdict
    expect(shown?.verdict).toEqual((await read.claim(pair!.similar_id)).verdict);
    // and the reviewed claim's own list shows the unreviewed one without a verdict
    const back = await similarTo(pair!.similar_id);
    expect(back.map((c) => c.id)).toEqual([pair!.claim_id]);
    expect(back[0]).not.toHaveProperty('verdict');
  });

  it('links the claims of articles extracted in one batch once, and not within an article', async () => {
    const claim = '40 trucks of flour reached the northern depot overnight';
    const twice = await store(
      `Flour convoy\nThe ministry said that ${claim}.\nA spokesman for the army said that ${claim}.\n`,
      'Desk A',
    );
    const copy = await store(`Flour\nThe ministry said that ${claim}.\n`, 'Desk B');
    for (const o of await extraction.extractBatch([{ articleId: twice }, { articleId: copy }]))
      extracted(o);
    const ids = await db.dataSource.query<{ id: string; article_id: string }[]>(
      `SELECT id, article_id FROM claims WHERE article_id = ANY($1::uuid[]) AND text = $2`,
      [[twice, copy], claim],
    );
    const inTwice = ids.filter((c) => c.article_id === twice).map((c) => c.id);
    const inCopy = ids.filter((c) => c.article_id === copy).map((c) => c.id);
    expect(inTwice).toHaveLength(2);
    expect(inCopy).toHaveLength(1);
    const pairs = (await links(db.dataSource))
      .filter((l) => ids.some((c) => c.id === l.claim_id))
      .map((l) => [l.claim_id, l.similar_id].sort().join(' '));
    // each claim of one article with the claim of the other, each pair in one direction only
    expect(pairs.sort()).toEqual(inTwice.map((id) => [id, inCopy[0]].sort().join(' ')).sort());
  });

  it('adds nothing when the extraction runs again', async () => {
    const before = await links(db.dataSource);
    expect(before.length).toBeGreaterThan(0);
    const articles = await db.dataSource.query<{ id: string }[]>('SELECT id FROM articles');
    const again = await extraction.extractBatch(articles.map((a) => ({ articleId: a.id })));
    expect(again.every((o) => !(o instanceof Error) && o.kind === 'already-done')).toBe(true);
    const sorted = (l: Link[]) =>
      l.map((x) => `${x.claim_id} ${x.similar_id} ${x.similarity}`).sort();
    expect(sorted(await links(db.dataSource))).toEqual(sorted(before));
  });

  it('links the claims of two batches that ran side by side', async () => {
    // two speakers: batches that insert the same new source wait for each other already
    const claim = 'it would sell 300 million dollars to importers on Thursday';
    const a = await store(`Bank\nCentral bank governor Omar Saleh said ${claim}.\n`, 'Side A');
    const b = await store(
      `Dollar sale\nFinance Minister Layla Haddad said ${claim} morning.\n`,
      'Side B',
    );
    // hold the audit log's lock, which every extraction takes after linking: both batches
    // have written their claims, unseen by the other, before either can commit, and only the
    // linkers' own lock keeps the second from linking before the first has committed
    const holder = db.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await audit.append(holder.manager, [
      { actor: 'test', action: 'test.hold', entityType: 'test', entityId: 'hold' },
    ]);
    const racing = Promise.all([
      new ExtractionService(db.dataSource, audit).extractBatch([{ articleId: a }]),
      new ExtractionService(db.dataSource, audit).extractBatch([{ articleId: b }]),
    ]);
    await waitingForLocks(db.dataSource, 2);
    await holder.rollbackTransaction();
    await holder.release();
    for (const [o] of await racing) extracted(o);
    const ofA = await claimOf(db.dataSource, a, claim);
    const ofB = await claimOf(db.dataSource, b, `${claim} morning`);
    expect((await similarTo(ofA)).map((s) => s.id)).toEqual([ofB]);
  });
});

/**
 * A claim whose text an editor changes while an extraction links a lookalike of its old text
 * to it: the extraction commits first, so the relink must see its link and drop it with the
 * others, or the claim keeps showing a lookalike of a text it no longer has.
 */
describe('relinking a corrected claim while a batch links to it', () => {
  let db: TestDatabase;
  const audit = new AuditLog();
  beforeAll(async () => {
    db = await createTestDatabase('similar-claims-relink');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('drops the link the batch committed against the old text', async () => {
    const old = 'the old pipeline to the port would carry crude oil again within two weeks';
    const fresh = 'Minister Layla Haddad opened a new school for five hundred pupils in Mosul';
    const first = await storeArticle(
      db.dataSource,
      `Pipeline\nThe oil ministry said that ${old}.\n`,
      { outlet: 'Desk A' },
    );
    extracted(
      (await new ExtractionService(db.dataSource, audit).extractBatch([{ articleId: first }]))[0],
    );
    const corrected = await claimOf(db.dataSource, first, old);
    const later = await storeArticle(
      db.dataSource,
      `Oil route\nAn oil ministry spokesman said that ${old} or three.\n`,
      { outlet: 'Desk B' },
    );

    // the linkers wait for the test: the batch queues first, the relink behind it
    const holder = db.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('SELECT pg_advisory_xact_lock($1)', [LINK_LOCK]);
    const batch = new ExtractionService(db.dataSource, audit).extractBatch([{ articleId: later }]);
    await waitingForLocks(db.dataSource, 1);
    const relink = db.dataSource.transaction(async (tx) => {
      await tx.query('UPDATE claims SET text = $2, normalized_text = $3 WHERE id = $1', [
        corrected,
        fresh,
        similarityKey(fresh),
      ]);
      return relinkSimilarClaim(tx, corrected, similarityKey(old), similarityKey(fresh));
    });
    await waitingForLocks(db.dataSource, 2);
    await holder.commitTransaction();
    await holder.release();
    extracted((await batch)[0]);
    await relink;

    const lookalike = await claimOf(db.dataSource, later, `${old} or three`);
    const between = (await links(db.dataSource)).filter((l) =>
      [l.claim_id, l.similar_id].every((id) => id === corrected || id === lookalike),
    );
    expect(between).toEqual([]);
  });
});

/** Resolves once `n` sessions of the database wait for a lock. */
async function waitingForLocks(db: DataSource, n: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [row] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (row!.n >= n) return;
    if (Date.now() > deadline) throw new Error(`fewer than ${n} sessions wait for a lock`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The migration gives the claims stored before it their keys, as extraction gives new ones. */
describe('the similar-claims migration', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('similar-claims-migration');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('computes normalized_text for the claims already stored', async () => {
    const migration = MIGRATIONS.find((m) => m.name === 'SimilarClaims1764921600000')!;
    const runner = db.dataSource.createQueryRunner();
    try {
      await new migration().down(runner);
      const [article] = (await runner.query(
        `INSERT INTO articles (content_hash, text) VALUES ($1, 'text') RETURNING id`,
        [randomBytes(16).toString('hex')],
      )) as { id: string }[];
      const texts = [RAFAH_AR, RAFAH_EN_AGAIN, '«قالَ» الوزيرُ: "نعم"'];
      // more than a page of claims, so the backfill pages through them
      const all = Array.from({ length: 1203 }, (_, i) => `${texts[i % 3]} ${i}`);
      await runner.query(
        `INSERT INTO claims (article_id, ordinal, text, start_offset, end_offset, sentence, type, cue, checkworthiness, language)
         SELECT $1, n - 1, t, 0, 1, 0, 'unattributed', NULL, 0.5, 'ar'
         FROM unnest($2::text[]) WITH ORDINALITY AS u(t, n)`,
        [article!.id, all],
      );
      await new migration().up(runner);
    } finally {
      await runner.release();
    }
    const rows = await db.dataSource.query<{ text: string; normalized_text: string }[]>(
      'SELECT text, normalized_text FROM claims',
    );
    expect(rows).toHaveLength(1203);
    for (const r of rows)
      expect([r.text, r.normalized_text]).toEqual([r.text, similarityKey(r.text)]);
  });
});

/** The similarity extraction computes is pg_trgm's similarity(), measured on Postgres itself. */
describe('trigram similarity beside pg_trgm', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('similar-claims-pg-trgm');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('gives what similarity() gives, in English and in Arabic', async () => {
    const words = [
      ...RAFAH_EN.split(' '),
      ...RAFAH_AR.split(' '),
      ...'the ministry said 40 trucks of flour reached a depot in Mosul'.split(' '),
      ...'قالت مصادر محلية إن الأمطار أغرقت المنازل في القرية'.split(' '),
      'a',
      'ي',
      '7',
    ];
    const text = fc
      .array(fc.constantFrom(...words), { minLength: 0, maxLength: 14 })
      .map((w) => similarityKey(w.join(' ')));
    // a fixed sample: the same pairs every run
    const pairs = fc.sample(fc.tuple(text, text), { numRuns: 400, seed: 20261130 });
    const [{ scores }] = await db.dataSource.query<[{ scores: number[] }]>(
      `SELECT array_agg(similarity(a, b) ORDER BY n) AS scores
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(a, b, n)`,
      [pairs.map(([a]) => a), pairs.map(([, b]) => b)],
    );
    const ours = pairs.map(([a, b]) => trigramSimilarity(trigramsOf(a), trigramsOf(b)));
    // pg_trgm keeps a trigram of more than three bytes as a 24-bit CRC, so a collision could
    // make it count one more trigram shared; this sample has none
    expect(ours).toEqual(scores.map((s) => Math.fround(s)));
  });
});

/** A band keeps the first two claims it had: the ones extraction used to look up. */
describe('the band places migration', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('similar-claims-band-places');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('keeps the two smallest ids of each band, and down gives every claim its bands again', async () => {
    const migration = MIGRATIONS.find((m) => m.name === 'SimilarityBandPlaces1765353600000')!;
    const [article] = await db.dataSource.query<{ id: string }[]>(
      `INSERT INTO articles (content_hash, text) VALUES ($1, 'text') RETURNING id`,
      [randomBytes(16).toString('hex')],
    );
    const key = similarityKey(RAFAH_EN);
    const claims = await db.dataSource.query<{ id: string }[]>(
      `INSERT INTO claims (article_id, ordinal, text, start_offset, end_offset, sentence, type, cue, checkworthiness, language, normalized_text)
       SELECT $1, n, $2, 0, 1, 0, 'unattributed', NULL, 0.5, 'en', $3 FROM generate_series(0, 3) n
       RETURNING id`,
      [article!.id, RAFAH_EN, key],
    );
    const bands = similarityBands(key);
    const rows = () =>
      db.dataSource.query<{ band: number; claim_id: string }[]>(
        'SELECT band, claim_id FROM claim_similarity_bands ORDER BY band, claim_id',
      );
    const runner = db.dataSource.createQueryRunner();
    try {
      await new migration().down(runner);
      expect(await rows()).toHaveLength(bands.length * 4);
      await new migration().up(runner);
    } finally {
      await runner.release();
    }
    const first = claims
      .map((c) => c.id)
      .sort()
      .slice(0, 2);
    expect(await rows()).toEqual(
      [...bands]
        .sort((a, b) => a - b)
        .flatMap((band) => first.map((claim_id) => ({ band, claim_id }))),
    );
  });
});
