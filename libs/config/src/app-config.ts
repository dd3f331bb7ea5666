import {
  DEFAULT_REVERIFY_AFTER,
  DEFAULT_REVERIFY_CRON,
  parseReverifyAfter,
  parseReverifyCron,
  type ReverifyAfter,
} from './reverify-config';
import { readExportConfig, type ExportConfig } from './export-config';

/**
 * The service's configuration, read once from the environment and validated at start. Every
 * other module reads it through this typed object; nothing else touches process.env.
 */
export interface AppConfig extends ExportConfig {
  port: number;
  databaseUrl: string;
  redisUrl: string;
  /** Prefix of every BullMQ key, so several deployments (or test files) share one Redis. */
  queuePrefix: string;
  /** When set, an admin key with this value exists at start (for automation). */
  adminApiKey: string | undefined;
  /** Largest article text accepted, in characters. */
  maxArticleChars: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Longest the API serves a claim answer from memory (0: no claim read cache). */
  claimCacheMaxAgeMs: number;
  /**
   * Memory for the claim read cache per API process, in MiB: half for single claims (about
   * 2 KB each with their similar claims), half for list pages (about 50 KB each).
   */
  claimCacheMb: number;
  /**
   * How long a review lease lasts without a heartbeat; an abandoned lease puts the claim
   * back on the review queue about this long after the last heartbeat.
   */
  reviewLeaseMs: number;
  /** How long after a verdict it is due for re-verification, per verdict value (REVERIFY_AFTER). */
  reverifyAfter: ReverifyAfter;
  /** When the worker looks for verdicts due for re-verification: a cron pattern, UTC. */
  reverifyCron: string;
}

export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return n;
}

function url(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: string,
  protocols: string[],
  problems: string[],
): string {
  const raw = env[name] || fallback;
  try {
    const u = new URL(raw);
    if (!protocols.includes(u.protocol))
      problems.push(`${name} must start with ${protocols.join(' or ')}//`);
  } catch {
    problems.push(`${name} is not a valid URL`);
  }
  return raw;
}

/** Reads and checks the configuration; throws one ConfigError that lists every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const logLevel = (env.LOG_LEVEL || 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const adminApiKey = env.ADMIN_API_KEY || undefined;
  if (adminApiKey !== undefined && adminApiKey.length < 16)
    problems.push('ADMIN_API_KEY must be at least 16 characters');
  const queuePrefix = env.QUEUE_PREFIX || 'claimtrail';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(queuePrefix))
    problems.push('QUEUE_PREFIX may use letters, digits, - and _ only');
  const port = integer(env, 'PORT', 3000, 0, 65535, problems);
  const config: AppConfig = {
    port,
    databaseUrl: url(
      env,
      'DATABASE_URL',
      'postgres://postgres@127.0.0.1:5432/claimtrail',
      ['postgres:', 'postgresql:'],
      problems,
    ),
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:'], problems),
    queuePrefix,
    adminApiKey,
    maxArticleChars: integer(env, 'MAX_ARTICLE_CHARS', 200_000, 1, 5_000_000, problems),
    logLevel,
    claimCacheMaxAgeMs: integer(env, 'CLAIM_CACHE_MAX_AGE_MS', 60_000, 0, 600_000, problems),
    claimCacheMb: integer(env, 'CLAIM_CACHE_MB', 64, 1, 65_536, problems),
    reviewLeaseMs: integer(env, 'REVIEW_LEASE_MS', 600_000, 1_000, 86_400_000, problems),
    reverifyAfter: parseReverifyAfter(env.REVERIFY_AFTER || DEFAULT_REVERIFY_AFTER, problems),
    reverifyCron: parseReverifyCron(env.REVERIFY_CRON || DEFAULT_REVERIFY_CRON, problems),
    ...readExportConfig(env, port, problems),
  };
  if (problems.length > 0)
    throw new ConfigError(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}
