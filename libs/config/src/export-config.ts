import { resolve } from 'node:path';

/** Settings of the exports: where files go, and who publishes the ClaimReview export. */
export interface ExportConfig {
  /** Where export files are written (worker) and read from (API): an absolute path. */
  exportDir: string;
  /** The newsroom named as the author of every ClaimReview (NEWSROOM_NAME, NEWSROOM_URL). */
  newsroom: { name: string; url: string };
  /** Where readers reach claimtrail; a ClaimReview's `url` is `<this>/claims/<id>`. */
  publicBaseUrl: string;
}

export const DEFAULT_EXPORT_DIR = 'var/exports';
export const DEFAULT_NEWSROOM_NAME = 'claimtrail';

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
 * NEWSROOM_NAME, NEWSROOM_URL and PUBLIC_BASE_URL; problems are added to `problems`.
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
  return { exportDir: resolve(dir), newsroom: { name, url: newsroomUrl }, publicBaseUrl };
}
