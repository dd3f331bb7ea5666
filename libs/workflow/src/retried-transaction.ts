import type { DataSource, EntityManager } from 'typeorm';

/** deadlock_detected and serialization_failure: Postgres rolled the transaction back whole. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

const sqlState = (e: unknown): unknown => {
  const o = e as { code?: unknown; driverError?: { code?: unknown } } | null;
  return o?.driverError?.code ?? o?.code;
};

/**
 * Runs `work` in a transaction, again when Postgres broke a deadlock by aborting it. Editors'
 * corrections lock sources and claims that extractions and other corrections also lock, not
 * always in the same order (an extraction takes its sources in registry-key order); Postgres
 * then aborts one of them, and the whole transaction can simply run again.
 */
export async function retriedTransaction<T>(
  db: DataSource,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction(work);
    } catch (e) {
      if (attempt >= ATTEMPTS || !RETRYABLE.has(sqlState(e) as string)) throw e;
    }
  }
}
