import type { ExportKind, ExportParams } from '@claimtrail/persistence';
import type { ClaimReviewPublisher } from './claim-review';
import type { ExportOutcome } from './export-writer';

/** What the export thread is asked to do (its workerData: plain data, cloned). */
export interface ThreadTask {
  databaseUrl: string;
  request: { kind: ExportKind; params: ExportParams };
  destination: string;
  options: { publisher: ClaimReviewPublisher; batchSize?: number; progressEveryMs?: number };
}

/** What the export thread reports back. */
export type ThreadMessage =
  | { type: 'progress'; percent: number }
  | { type: 'done'; outcome: ExportOutcome }
  | { type: 'failed'; name: string; message: string; code?: string };
