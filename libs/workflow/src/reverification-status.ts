import type { Queue } from 'bullmq';
import { CronExpressionParser } from 'cron-parser';
import type { DataSource } from 'typeorm';
import type { ReverifyAfter } from '@claimtrail/config';
import { REVERIFY_SCHEDULER_ID } from '@claimtrail/queues';
import { policyView } from './reverify-policy';

/** Runs of the sweep shown. */
const NEXT_RUNS = 5;
/** Claims shown in `upcoming`. */
const UPCOMING = 10;
/** The time zone the workers register the sweep's cron pattern in. */
export const REVERIFY_TIMEZONE = 'UTC';

export interface ReverificationStatusView {
  /** The delay per verdict value, as ISO 8601 durations; values not listed are not re-checked. */
  policy: Record<string, string>;
  schedule: {
    cron: string;
    timezone: string;
    /** A worker has registered the sweep in Redis (otherwise the runs are the configured ones). */
    registered: boolean;
    nextRuns: string[];
  };
  /** Reviewed claims whose date has passed: the next sweep puts them back. */
  due: number;
  /** The reviewed claims due soonest (those past due first). */
  upcoming: { claimId: string; reverifyAt: string }[];
}

/**
 * What re-verification will do, for the API: the policy, the sweep's schedule (as the
 * workers registered it in BullMQ, computed with the parser BullMQ uses), and the claims due.
 */
export class ReverificationStatus {
  constructor(
    private readonly db: DataSource,
    /** The queue the sweep's job scheduler lives on (only read here). */
    private readonly sweeps: Queue,
    private readonly policy: ReverifyAfter,
    /** The configured cron pattern: shown until a worker has registered its own. */
    private readonly cron: string,
  ) {}

  async read(now = new Date()): Promise<ReverificationStatusView> {
    const [scheduler, [due], upcoming] = await Promise.all([
      this.sweeps.getJobScheduler(REVERIFY_SCHEDULER_ID),
      this.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM claims WHERE status = 'reviewed' AND reverify_at <= now()`,
      ),
      this.db.query<{ id: string; reverify_at: Date }[]>(
        `SELECT id, reverify_at FROM claims WHERE status = 'reviewed' AND reverify_at IS NOT NULL
         ORDER BY reverify_at LIMIT $1`,
        [UPCOMING],
      ),
    ]);
    const cron = scheduler?.pattern ?? this.cron;
    const timezone = scheduler?.tz ?? REVERIFY_TIMEZONE;
    // BullMQ keeps the time of the next run; the ones after follow from the pattern
    const first = typeof scheduler?.next === 'number' ? new Date(scheduler.next) : undefined;
    const following = CronExpressionParser.parse(cron, {
      tz: timezone,
      currentDate: first ?? now,
    })
      .take(first ? NEXT_RUNS - 1 : NEXT_RUNS)
      .map((d) => d.toDate());
    return {
      policy: policyView(this.policy),
      schedule: {
        cron,
        timezone,
        registered: scheduler !== undefined,
        nextRuns: [...(first ? [first] : []), ...following].map((d) => d.toISOString()),
      },
      due: due?.n ?? 0,
      upcoming: upcoming.map((r) => ({ claimId: r.id, reverifyAt: r.reverify_at.toISOString() })),
    };
  }
}
