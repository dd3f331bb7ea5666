import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { ExtractionService, PermanentExtractionError, QueueGateway } from '@claimtrail/ingest';
import { QUEUES, type ExtractJob } from '@claimtrail/queues';
import type { WorkerMetrics } from './worker-metrics';

/** What a finished extraction job keeps as its return value (visible on the dashboard). */
export type ExtractSummary =
  | { outcome: 'extracted'; claims: number }
  | { outcome: 'already-done' }
  | { outcome: 'failed'; reason: string };

export type ExtractArticleJob = Job<ExtractJob['data'], ExtractSummary, ExtractJob['name']>;

/**
 * Extracts one article per job. Postgres decides what is done (the article row is locked
 * and its status checked), so a job delivered twice does nothing the second time.
 * Transient errors are thrown for BullMQ to retry with backoff; a permanent one marks the
 * article failed and is thrown as UnrecoverableError so it is not retried.
 */
export class ExtractArticleProcessor {
  constructor(
    private readonly extraction: ExtractionService,
    private readonly queues: QueueGateway,
    private readonly metrics: WorkerMetrics,
    private readonly logger: Logger,
  ) {}

  async process(job: ExtractArticleJob): Promise<ExtractSummary> {
    const { articleId } = job.data;
    const timer = this.metrics.jobDuration.startTimer({ queue: QUEUES.extract });
    try {
      await this.extraction.markExtracting(articleId);
      const outcome = await this.extraction.extractArticle(articleId);
      let summary: ExtractSummary;
      if (outcome.kind === 'extracted') {
        // the claims are committed; if this enqueue is lost the reconciler puts them back
        await this.queues.enqueueReview(outcome.claims);
        summary = { outcome: 'extracted', claims: outcome.claims.length };
      } else if (outcome.kind === 'failed') {
        summary = { outcome: 'failed', reason: outcome.reason };
      } else {
        summary = { outcome: 'already-done' };
      }
      timer({ outcome: summary.outcome });
      this.logger.info(
        { jobId: job.id, articleId, attempt: job.attemptsMade + 1, ...summary },
        `article ${summary.outcome}`,
      );
      return summary;
    } catch (e) {
      timer({ outcome: 'error' });
      if (e instanceof PermanentExtractionError) {
        await this.extraction.fail(articleId, e.message);
        throw new UnrecoverableError(e.message);
      }
      throw e;
    }
  }

  /**
   * Every failed attempt. When BullMQ gives up on the job (attempts used up, or its worker
   * died too often while running it) the article is marked failed, so it does not wait
   * for ever in "extracting".
   */
  async onFailed(job: ExtractArticleJob, error: Error): Promise<void> {
    const final = typeof job.finishedOn === 'number';
    const permanent = error instanceof UnrecoverableError || error.name === 'UnrecoverableError';
    const kind = !final ? 'transient' : permanent ? 'permanent' : 'exhausted';
    this.metrics.jobFailures.inc({ queue: QUEUES.extract, kind });
    const context = { jobId: job.id, articleId: job.data.articleId, attempt: job.attemptsMade };
    if (!final) {
      this.logger.warn({ ...context, err: error.message }, 'extraction attempt failed; will retry');
      return;
    }
    this.logger.error({ ...context, err: error.message, kind }, 'extraction failed for good');
    const reason = permanent
      ? error.message
      : `gave up after ${job.attemptsMade} attempts: ${error.message}`;
    await this.extraction.fail(job.data.articleId, reason);
  }
}
