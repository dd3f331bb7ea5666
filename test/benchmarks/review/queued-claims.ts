import type { DataSource } from 'typeorm';
import type { ReviewCandidate } from '@claimtrail/queues';
import type { PartitionedQueueGateway } from '@claimtrail/workflow';

/**
 * The desks the benchmark's articles come from: both languages, with and without an outlet,
 * so the claims spread over several review partitions as they do in production.
 */
const DESKS = [
  { language: 'en', outlet: 'Reuters' },
  { language: 'en', outlet: 'The National' },
  { language: 'en', outlet: null },
  { language: 'ar', outlet: 'الشرق الأوسط' },
  { language: 'ar', outlet: 'فرانس برس' },
  { language: 'ar', outlet: null },
] as const;
const CLAIMS_PER_ARTICLE = 100;

/**
 * `count` claims waiting for review: articles and claims written straight into Postgres (as
 * extraction leaves them: status queued, version 1, check-worthiness spread over 0..1), then
 * put on their review partitions through the worker's queue gateway, as extraction does.
 * Returns the claims' ids.
 */
export async function queueClaimsForReview(
  db: DataSource,
  gateway: PartitionedQueueGateway,
  count: number,
): Promise<string[]> {
  const articles = Math.ceil(count / CLAIMS_PER_ARTICLE);
  const desks = Array.from({ length: articles }, (_, i) => DESKS[i % DESKS.length]!);
  const inserted = await db.query<{ id: string; language: string }[]>(
    `INSERT INTO articles (content_hash, text, outlet, language, status)
     SELECT 'bench-review-' || n, 'benchmark article ' || n, outlet, language, 'extracted'
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS d(outlet, language, n)
     RETURNING id, language`,
    [desks.map((d) => d.outlet), desks.map((d) => d.language)],
  );
  // the last article takes what is left, so exactly `count` claims are made
  const sizes = inserted.map((_, i) =>
    Math.min(CLAIMS_PER_ARTICLE, count - i * CLAIMS_PER_ARTICLE),
  );
  const claims = await db.query<{ id: string; article_id: string; checkworthiness: number }[]>(
    `INSERT INTO claims (article_id, ordinal, text, start_offset, end_offset, sentence, type,
       checkworthiness, language)
     SELECT a.id, n, 'benchmark claim ' || n || ' of article ' || a.k, 0, 10, n, 'indirect',
       ((n * 37 + a.k * 11) % 101) / 100.0, a.language
     FROM unnest($1::uuid[], $2::text[], $3::int[]) WITH ORDINALITY AS a(id, language, size, k),
       generate_series(0, a.size - 1) AS n
     RETURNING id, article_id, checkworthiness`,
    [inserted.map((a) => a.id), inserted.map((a) => a.language), sizes],
  );
  const candidates: ReviewCandidate[] = claims.map((c) => ({
    id: c.id,
    articleId: c.article_id,
    checkworthiness: c.checkworthiness,
  }));
  await gateway.enqueueReview(candidates);
  return candidates.map((c) => c.id);
}
