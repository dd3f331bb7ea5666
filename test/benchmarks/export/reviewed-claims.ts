import type { DataSource } from 'typeorm';

/**
 * `count` reviewed claims, ten to an article, each citing one of a thousand sources and
 * carrying a current verdict (every veracity in turn, Arabic and English text with quotes
 * and commas, a re-verification date), written with set-based SQL in a few seconds.
 */
export async function seedReviewedClaims(
  db: DataSource,
  count: number,
  reviewerId: string,
): Promise<void> {
  const articles = Math.ceil(count / 10);
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO articles (content_hash, text, headline, outlet, url, language, published_at, status, extracted_at)
       SELECT md5('bench-article-' || g), 'Article ' || g,
         CASE WHEN g % 2 = 0 THEN 'Convoys cross, "officials" say ' || g ELSE 'قافلة تعبر، "رسمياً" ' || g END,
         CASE WHEN g % 2 = 0 THEN 'The National' ELSE 'الشرق الأوسط' END,
         'https://news.example/' || g, CASE WHEN g % 2 = 0 THEN 'en' ELSE 'ar' END,
         now() - interval '2 days', 'extracted', now()
       FROM generate_series(1, $1) g`,
      [articles],
    );
    await tx.query(
      `INSERT INTO sources (registry_key, name, kind)
       SELECT 'bench|' || g, CASE WHEN g % 2 = 0 THEN 'Minister ' || g ELSE 'وزير ' || g END,
         (ARRAY['person', 'government', 'agency', 'official_group'])[1 + g % 4]
       FROM generate_series(1, 1000) g`,
    );
    await tx.query(
      `INSERT INTO claims (article_id, ordinal, text, start_offset, end_offset, sentence, type, cue, checkworthiness, language, status)
       SELECT a.id, o,
         CASE WHEN a.language = 'en' THEN 'The minister said "' || o || ' trucks, not 400" crossed'
              ELSE 'قال الوزير إن "' || o || ' شاحنة، وليس 400" عبرت' END,
         0, 40, o, 'indirect', 'said', 0.5, a.language, 'reviewed'
       FROM (SELECT id, language, row_number() OVER (ORDER BY id) AS n FROM articles) a
       CROSS JOIN generate_series(0, 9) o
       WHERE (a.n - 1) * 10 + o < $1`,
      [count],
    );
    await tx.query(
      `INSERT INTO claim_sources (claim_id, role, position, source_id, mention)
       SELECT c.id, 'source', 0, s.id, s.name
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM claims) c
       JOIN (SELECT id, name, row_number() OVER (ORDER BY id) AS n FROM sources) s
         ON s.n = 1 + c.n % 1000`,
    );
    await tx.query(
      `INSERT INTO verdicts (claim_id, reviewer_id, attribution, veracity, rationale, evidence, reverify_at)
       SELECT c.id, $1, 'confirmed',
         (ARRAY['true', 'mostly_true', 'misleading', 'false', 'unverifiable'])[1 + c.n % 5],
         CASE WHEN c.n % 5 = 0 THEN NULL ELSE 'The ministry, asked twice, said "fewer than 40".' END,
         '[]', now() + interval '30 days'
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM claims) c`,
      [reviewerId],
    );
    await tx.query(
      `UPDATE claims c SET current_verdict_id = v.id, reverify_at = v.reverify_at
       FROM verdicts v WHERE v.claim_id = c.id`,
    );
  });
  await db.query('ANALYZE');
}
