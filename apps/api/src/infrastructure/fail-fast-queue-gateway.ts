import type { Redis } from 'ioredis';
import { QueueGateway } from '@claimtrail/ingest';

/** How long an enqueue may take before the API gives up and leaves it to the reconciler. */
export const ENQUEUE_TIMEOUT_MS = 2_000;

export class QueueUnavailableError extends Error {}

/**
 * The producer queues as the API needs them: an HTTP request must not wait for Redis. A
 * BullMQ queue whose connection has never been ready waits for it indefinitely, so the API
 * refuses at once while the connection is not ready and bounds every call in time; the row
 * is already committed and the worker's reconciler enqueues it later.
 */
export class FailFastQueueGateway extends QueueGateway {
  constructor(
    connection: Redis,
    prefix: string,
    private readonly timeoutMs = ENQUEUE_TIMEOUT_MS,
  ) {
    super(connection, prefix);
  }

  override enqueueExtraction(articleIds: string[]): Promise<void> {
    return this.bounded(() => super.enqueueExtraction(articleIds));
  }

  override enqueueReview(
    claims: { id: string; articleId: string; checkworthiness: number }[],
  ): Promise<void> {
    return this.bounded(() => super.enqueueReview(claims));
  }

  /** Runs a read against the queues with the same fail-fast rules (metrics, dashboards). */
  bounded<T>(run: () => Promise<T>): Promise<T> {
    if (this.connection.status !== 'ready')
      return Promise.reject(new QueueUnavailableError(`redis is ${this.connection.status}`));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new QueueUnavailableError(`redis did not answer in ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    return Promise.race([run(), timeout]).finally(() => clearTimeout(timer));
  }
}
