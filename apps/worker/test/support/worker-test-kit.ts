import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import { extract } from '@claimtrail/attribution';
import { loadConfig, type AppConfig } from '@claimtrail/config';
import { registryKey } from '@claimtrail/ingest';

/** A logger that keeps the test output clean. */
export const silentLogger = pino({ level: 'silent' });

/** The service configuration for one test file: its database, its Redis, its queue prefix. */
export function testConfig(databaseUrl: string, redisUrl: string, queuePrefix: string): AppConfig {
  return { ...loadConfig({}), databaseUrl, redisUrl, queuePrefix, logLevel: 'silent' };
}

/**
 * Resolves once `check` returns a value other than undefined/false, polling every `everyMs`;
 * fails after `timeoutMs` with `what` and the last value seen.
 */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs: number,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** The number a query of one row and one column `n` returns. */
export async function count(db: DataSource, sql: string, params: unknown[] = []): Promise<number> {
  const rows = await db.query<{ n: number }[]>(sql, params);
  return Number(rows[0]?.n);
}

export const countArticles = (db: DataSource, status: string): Promise<number> =>
  count(db, 'SELECT count(*)::int AS n FROM articles WHERE status = $1', [status]);

/**
 * What one extraction of each article must have stored, computed with the engine itself:
 * claims and claim-source links per article, and the registry keys of the shared sources.
 */
export async function expectedExtraction(db: DataSource): Promise<{
  claimsByArticle: Map<string, number>;
  links: number;
  registryKeys: Set<string>;
}> {
  const articles = await db.query<
    { id: string; text: string; language: 'ar' | 'en' | null; outlet: string | null }[]
  >('SELECT id, text, language, outlet FROM articles');
  const claimsByArticle = new Map<string, number>();
  const registryKeys = new Set<string>();
  let links = 0;
  for (const a of articles) {
    const result = extract(a.text, {
      language: a.language ?? undefined,
      publisher: a.outlet ?? undefined,
    });
    claimsByArticle.set(a.id, result.claims.length);
    for (const c of result.claims) links += c.sources.length + c.via.length;
    for (const s of result.sources) registryKeys.add(registryKey(s, a.id));
  }
  return { claimsByArticle, links, registryKeys };
}
