import { CronExpressionParser } from 'cron-parser';
import { DURATION_UNITS_MS, parseDuration } from './duration';

/**
 * The verdict values a re-verification delay can be set for: every veracity and every
 * attribution (the two axes of a verdict; their names do not overlap). libs/workflow checks
 * that this list is exactly the persistence layer's.
 */
export const REVERIFY_KEYS = [
  'true',
  'mostly_true',
  'misleading',
  'false',
  'unverifiable',
  'confirmed',
  'misattributed',
  'unconfirmed',
] as const;
export type ReverifyKey = (typeof REVERIFY_KEYS)[number];

/** How long after a verdict it is due again, in milliseconds, per verdict value. */
export type ReverifyAfter = Partial<Record<ReverifyKey, number>>;

export const DEFAULT_REVERIFY_AFTER =
  'unverifiable=3d,misleading=14d,false=30d,mostly_true=60d,true=90d';
/** Every five minutes (UTC). */
export const DEFAULT_REVERIFY_CRON = '*/5 * * * *';

const MIN_MS = DURATION_UNITS_MS.m;
const MAX_MS = 3650 * DURATION_UNITS_MS.d;
const ITEM = /^([a-z_]+)\s*=\s*(.*)$/;

/**
 * Reads REVERIFY_AFTER: `value=duration` pairs separated by commas, a duration being a whole
 * number of minutes, hours, days or weeks (`30m`, `12h`, `3d`, `2w`); `none` for no automatic
 * dates. A value that is not listed gets none. Each problem is pushed on `problems`, naming
 * the variable and the offending part.
 */
export function parseReverifyAfter(raw: string, problems: string[]): ReverifyAfter {
  const text = raw.trim();
  if (text === 'none') return {};
  const policy: ReverifyAfter = {};
  const bad = (why: string) => problems.push(`REVERIFY_AFTER ${why}`);
  for (const part of text.split(',')) {
    const item = part.trim();
    const [, key = '', duration = ''] = ITEM.exec(item) ?? [];
    const ms = parseDuration(duration);
    if (!key || ms === undefined) {
      bad(
        `must be "value=duration" pairs separated by commas (e.g. "unverifiable=3d,true=90d"; units m, h, d, w) or "none" (got "${item}")`,
      );
      continue;
    }
    if (!(REVERIFY_KEYS as readonly string[]).includes(key)) {
      bad(`names "${key}", which is not a verdict value (one of ${REVERIFY_KEYS.join(', ')})`);
      continue;
    }
    if (policy[key as ReverifyKey] !== undefined) {
      bad(`gives "${key}" twice`);
      continue;
    }
    if (ms < MIN_MS || ms > MAX_MS) {
      bad(`gives "${key}" ${duration}; a duration must be from 1 minute to 3650 days`);
      continue;
    }
    policy[key as ReverifyKey] = ms;
  }
  return policy;
}

/**
 * Reads REVERIFY_CRON: a cron pattern of five fields (minute hour day-of-month month
 * day-of-week) or six (seconds first), or a shorthand such as `@hourly`, read in UTC by the
 * parser BullMQ's job schedulers use.
 */
export function parseReverifyCron(raw: string, problems: string[]): string {
  const pattern = raw.trim();
  const fields = pattern.split(/\s+/).length;
  const shorthand = pattern.startsWith('@');
  let error: string | undefined;
  if (!shorthand && (fields < 5 || fields > 6))
    error = `has ${fields} field${fields === 1 ? '' : 's'}; a cron pattern has 5 (minute hour day month weekday) or 6 (seconds first)`;
  else
    try {
      CronExpressionParser.parse(pattern, { tz: 'UTC' }).next();
    } catch (e) {
      error = (e as Error).message;
    }
  if (error)
    problems.push(`REVERIFY_CRON is not a valid cron pattern (got "${pattern}"): ${error}`);
  return pattern;
}
