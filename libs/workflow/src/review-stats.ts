import type { DataSource } from 'typeorm';

export interface ReviewCounts {
  /** Claims waiting for a reviewer (status queued). */
  waiting: number;
  /** Claims under a lease (status in_review). */
  leased: number;
  /** Claims with a verdict (status reviewed). */
  reviewed: number;
}

export interface ReviewStats extends ReviewCounts {
  byLanguage: Record<string, ReviewCounts>;
  /**
   * Age of the oldest waiting claim, since it was extracted or, back for re-verification,
   * since it went back; 0 when none waits.
   */
  oldestWaitingSeconds: number;
}

const COUNTED = { queued: 'waiting', in_review: 'leased', reviewed: 'reviewed' } as const;

/** The review desk's numbers, from Postgres (the truth; Redis only carries the work). */
export async function reviewStats(db: DataSource): Promise<ReviewStats> {
  const rows = await db.query<
    { language: string; status: keyof typeof COUNTED; n: number; oldest: number | null }[]
  >(
    `SELECT language, status, count(*)::int AS n,
       CASE WHEN status = 'queued'
         THEN floor(extract(epoch FROM now() - min(coalesce(requeued_at, created_at))))::int
       END AS oldest
     FROM claims GROUP BY language, status`,
  );
  const zero = (): ReviewCounts => ({ waiting: 0, leased: 0, reviewed: 0 });
  const stats: ReviewStats = { ...zero(), byLanguage: {}, oldestWaitingSeconds: 0 };
  for (const r of rows) {
    const field = COUNTED[r.status];
    stats[field] += r.n;
    (stats.byLanguage[r.language] ??= zero())[field] += r.n;
    if (r.oldest !== null)
      stats.oldestWaitingSeconds = Math.max(stats.oldestWaitingSeconds, r.oldest);
  }
  return stats;
}
