import { REVERIFY_KEYS, type ReverifyAfter } from '@claimtrail/config';
import type { Attribution, Veracity } from '@claimtrail/persistence';

/**
 * When a verdict is due for re-verification by the policy (REVERIFY_AFTER): the delay set
 * for its veracity or for its attribution, the sooner if both are set; null when neither
 * is (such a verdict is not re-checked unless the reviewer or an editor asks).
 */
export function reverifyAtFor(
  policy: ReverifyAfter,
  verdict: { attribution: Attribution; veracity: Veracity },
  now: Date,
): Date | null {
  const delays = [policy[verdict.veracity], policy[verdict.attribution]].filter(
    (ms): ms is number => ms !== undefined,
  );
  return delays.length === 0 ? null : new Date(now.getTime() + Math.min(...delays));
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** A whole number of minutes as an ISO 8601 duration, in the largest unit that is exact. */
export function isoDuration(ms: number): string {
  if (ms % DAY_MS === 0) return `P${ms / DAY_MS}D`;
  if (ms % HOUR_MS === 0) return `PT${ms / HOUR_MS}H`;
  return `PT${Math.round(ms / MINUTE_MS)}M`;
}

/** The policy as the API shows it: each verdict value that has a delay, as ISO 8601. */
export function policyView(policy: ReverifyAfter): Record<string, string> {
  const view: Record<string, string> = {};
  for (const key of REVERIFY_KEYS) {
    const ms = policy[key];
    if (ms !== undefined) view[key] = isoDuration(ms);
  }
  return view;
}
