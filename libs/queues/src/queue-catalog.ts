import type { JobsOptions } from 'bullmq';

/**
 * Every queue, job name and job payload in one place. Payloads carry ids only: a handler
 * re-reads the state from Postgres, so a job delivered twice does no harm.
 */
export const QUEUES = {
  extract: 'extract',
  review: 'review',
  maintenance: 'maintenance',
  reverify: 'reverify',
  export: 'export',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface ExtractJob {
  name: 'extract-article';
  data: { articleId: string };
}
/** Why a reviewed claim is back on the review queue. */
export type RecheckReason = 'reverify-due' | 'reverify-manual';
export interface ReviewJob {
  name: 'review-claim';
  data: {
    claimId: string;
    articleId: string;
    /** Set when a reviewed claim is back for re-verification. */
    reason?: RecheckReason;
    /** The verdict being re-checked (the claim's current one when it was put back). */
    previousVerdictId?: string;
  };
}
export interface ReconcileJob {
  name: 'reconcile';
  data: Record<string, never>;
}
export interface ReverifyJob {
  name: 'reverify-due';
  data: Record<string, never>;
}
/** One export to write (the exports row says what). */
export interface ExportJob {
  name: 'run-export';
  data: { exportId: string };
}
/** The retention sweep: deletes the files of exports older than EXPORT_RETENTION. */
export interface ExpireExportsJob {
  name: 'expire-exports';
  data: Record<string, never>;
}
export type JobOf<Q extends QueueName> = Q extends 'extract'
  ? ExtractJob
  : Q extends 'review'
    ? ReviewJob
    : Q extends 'reverify'
      ? ReverifyJob
      : Q extends 'export'
        ? ExportJob | ExpireExportsJob
        : ReconcileJob;

/** Job ids come from the business key (BullMQ refuses ':' in custom ids). */
export const jobIds = {
  extract: (articleId: string) => `extract-${articleId}`,
  review: (claimId: string) => claimId,
  export: (exportId: string) => `export-${exportId}`,
};

/** Attempts, backoff and retention, per job type. */
export const JOB_OPTIONS = {
  extract: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2_000 },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  review: {
    // a review job waits for a person: it is never retried by BullMQ and stays until done
    attempts: 1,
    // gone once done: the verdict is in Postgres, and a completed job left in Redis would
    // stop the reconciler from putting the claim back if the verdict's commit failed
    removeOnComplete: true,
    removeOnFail: false,
  },
  reconcile: {
    // a sweep that fails is not retried: the scheduler runs the next one soon enough
    attempts: 1,
    removeOnComplete: { count: 100 },
    removeOnFail: { count: 100 },
  },
  reverify: {
    // a sweep that fails is not retried: the next one takes what it left (nothing is lost)
    attempts: 1,
    removeOnComplete: { count: 100 },
    removeOnFail: { count: 100 },
  },
  export: {
    // transient failures (Postgres or the disk away for a moment) are retried; each attempt
    // writes the file again from the start. A job that fails for good marks its export failed
    attempts: 4,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: { age: 7 * 24 * 3600 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  expireExports: {
    // a sweep that fails is not retried: the next one takes what it left (nothing is lost)
    attempts: 1,
    removeOnComplete: { count: 100 },
    removeOnFail: { count: 100 },
  },
} satisfies Record<string, JobsOptions>;

/** The job of one export, as `Queue.add` takes it. */
export function exportJob(exportId: string) {
  return {
    name: 'run-export' as const,
    data: { exportId } satisfies ExportJob['data'],
    opts: { ...JOB_OPTIONS.export, jobId: jobIds.export(exportId) },
  };
}

/** BullMQ priority: 1 is highest; the most check-worthy claims come first. */
export function reviewPriority(checkworthiness: number): number {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(checkworthiness) ? checkworthiness : 0));
  return 1 + Math.round((1 - clamped) * 1000);
}

/** What a review job is made from: a claim waiting for review. */
export interface ReviewCandidate {
  id: string;
  articleId: string;
  checkworthiness: number;
  /** A reviewed claim back for re-verification: why, and the verdict re-checked. */
  reason?: RecheckReason;
  previousVerdictId?: string;
  /**
   * What places an unassigned claim on its review partition, given by a writer that has just
   * stored the claim (no one can have assigned it yet), so that it is not read back; without
   * it the claim's partition is read from Postgres.
   */
  routing?: { language: string; outlet: string | null };
}

/** The review job of one claim, as `Queue.addBulk` takes it (whichever review queue). */
export function reviewJob(claim: ReviewCandidate) {
  return {
    name: 'review-claim' as const,
    data: {
      claimId: claim.id,
      articleId: claim.articleId,
      ...(claim.reason ? { reason: claim.reason } : {}),
      ...(claim.previousVerdictId ? { previousVerdictId: claim.previousVerdictId } : {}),
    } satisfies ReviewJob['data'],
    opts: {
      ...JOB_OPTIONS.review,
      jobId: jobIds.review(claim.id),
      priority: reviewPriority(claim.checkworthiness),
    },
  };
}

/** How often the reconciler sweeps for rows that should be on a queue and are not. */
export const RECONCILE_EVERY_MS = 60_000;
/** One scheduler id, so any number of workers upserting it still make one schedule. */
export const RECONCILE_SCHEDULER_ID = 'reconcile';
/** The re-verification sweep's scheduler: one id, one schedule for any number of workers. */
export const REVERIFY_SCHEDULER_ID = 'reverify-due';
/**
 * How often the export retention sweep runs. Retention is counted in hours and days: a file
 * outliving it by a quarter of an hour does no harm, and the sweep shares the export queue
 * (one job at a time), so it stays rare.
 */
export const EXPIRE_EXPORTS_EVERY_MS = 15 * 60_000;
/** The retention sweep's scheduler on the export queue: one id, one schedule. */
export const EXPIRE_EXPORTS_SCHEDULER_ID = 'expire-exports';
