import { UnrecoverableError, type Job } from 'bullmq';
import DataLoader from 'dataloader';
import type { Logger } from 'pino';
import {
  ExtractionService,
  GroupCommitScheduler,
  PermanentExtractionError,
  QueueGateway,
  type ExtractionOutcome,
} from '@claimtrail/ingest';
import { QUEUES, type ExtractJob } from '@claimtrail/queues';
import type { WorkerMetrics } from './worker-metrics';

/** What a finished extraction job keeps as its return value (visible on the dashboard). */
export type ExtractSummary =
  | { outcome: 'extracted'; claims: number }
  | { outcome: 'already-done' }
  | { outcome: 'failed'; reason: string };

export type ExtractArticleJob = Job<ExtractJob['data'], ExtractSummary, ExtractJob['name']>;

export interface BatchingOptions {
  /** Most articles extracted in one transaction. */
  maxSize: number;
  /** How long the first job of a batch waits for others to join it. */
  windowMs: number;
  /** Batches running at once; the next one gathers jobs meanwhile (see GroupCommitScheduler). */
  maxRunning: number;
}

/**
 * An idle worker extracts a lone job after 2 ms; a busy one runs one batch while the next
 * gathers the jobs that arrive meanwhile.
 */
export const EXTRACT_BATCHING: BatchingOptions = { maxSize: 64, windowMs: 2, maxRunning: 1 };

const summaryOf = (outcome: ExtractionOutcome): ExtractSummary =>
  outcome.kind === 'extracted'
    ? { outcome: 'extracted', claims: outcome.claims.length }
    : outcome.kind === 'failed'
      ? { outcome: 'failed', reason: outcome.reason }
      : { outcome: 'already-done' };

/** The number of the attempt running `job` (a worker that died mid-job also used one). */
const attemptOf = (job: ExtractArticleJob): number =>
  Math.max(job.attemptsStarted, job.attemptsMade + 1);

/**
 * Extracts articles, one job per article, but stores them in micro-batches: the jobs active
 * in this process at one moment are coalesced (DataLoader) into one extraction batch, one
 * transaction and one enqueue of their claims for review, and each job then gets its own
 * article's outcome. Postgres decides what is done (the article rows are locked and their
 * status checked), so a job delivered twice does nothing the second time. A transient error
 * (Postgres down, a deadlock) rolls the batch back and fails every job of it, for BullMQ to
 * retry with backoff; a permanent one (the article does not exist) fails its job alone, as
 * UnrecoverableError, so it is not retried.
 */
export class ExtractArticleProcessor {
  private readonly batches: DataLoader<ExtractArticleJob, ExtractSummary>;

  constructor(
    private readonly extraction: ExtractionService,
    private readonly queues: QueueGateway,
    private readonly metrics: WorkerMetrics,
    private readonly logger: Logger,
    batching: BatchingOptions = EXTRACT_BATCHING,
  ) {
    const gate = new GroupCommitScheduler(batching.maxRunning, batching.windowMs);
    this.batches = new DataLoader((jobs) => gate.write(() => this.runBatch(jobs)), {
      cache: false,
      maxBatchSize: batching.maxSize,
      batchScheduleFn: gate.schedule,
    });
  }

  async process(job: ExtractArticleJob): Promise<ExtractSummary> {
    const timer = this.metrics.jobDuration.startTimer({ queue: QUEUES.extract });
    try {
      const summary = await this.batches.load(job);
      timer({ outcome: summary.outcome });
      this.logger.debug(
        { jobId: job.id, articleId: job.data.articleId, attempt: attemptOf(job), ...summary },
        `article ${summary.outcome}`,
      );
      return summary;
    } catch (e) {
      timer({ outcome: 'error' });
      // onFailed marks the article failed (when it exists)
      if (e instanceof PermanentExtractionError) throw new UnrecoverableError(e.message);
      throw e;
    }
  }

  /**
   * Every failed attempt. When BullMQ gives up on the job (attempts used up, or its worker
   * died too often while running it) the article is marked failed, so it does not wait
   * for ever; before a retry, the attempt is recorded ("extracting").
   */
  async onFailed(job: ExtractArticleJob, error: Error): Promise<void> {
    const final = typeof job.finishedOn === 'number';
    const permanent = error instanceof UnrecoverableError || error.name === 'UnrecoverableError';
    const kind = !final ? 'transient' : permanent ? 'permanent' : 'exhausted';
    this.metrics.jobFailures.inc({ queue: QUEUES.extract, kind });
    const { articleId } = job.data;
    const context = { jobId: job.id, articleId, attempt: job.attemptsMade };
    if (!final) {
      this.logger.warn({ ...context, err: error.message }, 'extraction attempt failed; will retry');
      await this.extraction.recordAttempt(articleId, job.attemptsMade);
      return;
    }
    this.logger.error({ ...context, err: error.message, kind }, 'extraction failed for good');
    const reason = permanent
      ? error.message
      : `gave up after ${job.attemptsMade} attempts: ${error.message}`;
    await this.extraction.fail(articleId, reason, job.attemptsMade);
  }

  /** One batch: extract and store (one transaction), then put its new claims on review. */
  private async runBatch(
    jobs: readonly ExtractArticleJob[],
  ): Promise<(ExtractSummary | PermanentExtractionError)[]> {
    this.metrics.batchSize.observe(jobs.length);
    const timer = this.metrics.batchDuration.startTimer();
    let outcomes: (ExtractionOutcome | PermanentExtractionError)[];
    let claims: Extract<ExtractionOutcome, { kind: 'extracted' }>['claims'];
    try {
      outcomes = await this.extraction.extractBatch(
        jobs.map((job) => ({ articleId: job.data.articleId, attempt: attemptOf(job) })),
      );
      claims = outcomes.flatMap((o) =>
        o instanceof Error || o.kind !== 'extracted' ? [] : o.claims,
      );
      // the claims are committed; if this enqueue is lost the reconciler puts them back
      await this.queues.enqueueReview(claims);
    } catch (e) {
      timer({ outcome: 'error' });
      this.logger.warn(
        { jobs: jobs.length, err: (e as Error).message },
        'extraction batch failed; its jobs will be retried',
      );
      throw e;
    }
    const seconds = timer({ outcome: 'ok' });
    const summaries = outcomes.map((o) => (o instanceof Error ? o : summaryOf(o)));
    const tally: Record<string, number> = {};
    for (const s of summaries) {
      const kind = s instanceof Error ? 'missing' : s.outcome;
      tally[kind] = (tally[kind] ?? 0) + 1;
    }
    this.logger.info(
      { jobs: jobs.length, claims: claims.length, ...tally, ms: Math.round(seconds * 1000) },
      `extraction batch of ${jobs.length} done`,
    );
    return summaries;
  }
}
