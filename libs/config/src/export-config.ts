import { resolve } from 'node:path';
import { DURATION_UNITS_MS, parseDuration } from './duration';

/**
 * Settings of the exports: where files go, how long they are kept, and who publishes the
 * ClaimReview export.
 */
export interface ExportConfig {
  /** Where export files are written (worker) and read from (API): an absolute path. */
  exportDir: string;
  /**
   * How long a finished export's file is kept after it was written (EXPORT_RETENTION), in
   * milliseconds; the worker then deletes it and marks the export expired.
   */
  exportRetentionMs: number;
  /** The newsroom named as the author of every ClaimReview (NEWSROOM_NAME, NEWSROOM_URL). */
  newsroom: { name: string; url: string };
  /** Where readers reach claimtrail; a ClaimReview's `url` is `<this>/claims/<id>`. */
  publicBaseUrl: string;
}

export const DEFAULT_EXPORT_DIR = 'var/exports';
export const DEFAULT_NEWSROOM_NAME = 'claimtrail';
/** A week: long enough to fetch a file over a holiday weekend, short enough not to pile up. */
export const DEFAULT_EXPORT_RETENTION = '7d';

const RETENTION_MIN_MS = DURATION_UNITS_MS.m;
const RETENTION_MAX_MS = 3650 * DURATION_UNITS_MS.d;

/** Reads EXPORT_RETENTION: one duration in the units REVERIFY_AFTER uses (`12h`, `7d`, `2w`). */
function retention(raw: string, problems: string[]): number {
  const ms = parseDuration(raw);
  if (ms === undefined) {
    problems.push(
      `EXPORT_RETENTION must be a duration: a whole number of minutes, hours, days or weeks such as "12h" or "7d" (units m, h, d, w) (got "${raw}")`,
    );
    return parseDuration(DEFAULT_EXPORT_RETENTION)!;
  }
  if (ms < RETENTION_MIN_MS || ms > RETENTION_MAX_MS)
    problems.push(`EXPORT_RETENTION must be from 1 minute to 3650 days (got "${raw}")`);
  return ms;
}

function httpUrl(name: string, raw: string, problems: string[]): string {
  try {
    const u = new URL(raw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      problems.push(`${name} must start with http:// or https://`);
  } catch {
    problems.push(`${name} is not a valid URL`);
  }
  // "https://desk.example/" and "https://desk.example" name the same place
  return raw.replace(/\/+$/, '');
}

/**
 * Reads EXPORT_DIR (relative paths are taken from the working directory at start),
 * EXPORT_RETENTION, NEWSROOM_NAME, NEWSROOM_URL and PUBLIC_BASE_URL; problems are added to
 * `problems`.
 */
export function readExportConfig(
  env: NodeJS.ProcessEnv,
  port: number,
  problems: string[],
): ExportConfig {
  const dir = env.EXPORT_DIR || DEFAULT_EXPORT_DIR;
  if (dir.includes('\u0000')) problems.push('EXPORT_DIR must not contain NUL characters');
  const name = (env.NEWSROOM_NAME || DEFAULT_NEWSROOM_NAME).trim();
  if (name.length === 0 || name.length > 200)
    problems.push('NEWSROOM_NAME must be 1 to 200 characters');
  const publicBaseUrl = httpUrl(
    'PUBLIC_BASE_URL',
    env.PUBLIC_BASE_URL || `http://localhost:${port}`,
    problems,
  );
  const newsroomUrl = env.NEWSROOM_URL
    ? httpUrl('NEWSROOM_URL', env.NEWSROOM_URL, problems)
    : publicBaseUrl;
  return {
    exportDir: resolve(dir),
    exportRetentionMs: retention(env.EXPORT_RETENTION || DEFAULT_EXPORT_RETENTION, problems),
    newsroom: { name, url: newsroomUrl },
    publicBaseUrl,
  };
}
