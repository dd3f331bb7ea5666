import type { Queue } from 'bullmq';
import type { QueueName } from '@claimtrail/queues';

/** One queue as operators see it: its catalogue name and the API's handle on it. */
export interface MonitoredQueue {
  name: QueueName;
  queue: Queue;
}

/**
 * The queues operators watch: the dashboard at /admin/queues and the queue-depth metrics
 * both list exactly these, so a queue cannot appear in one and be missing from the other.
 * The review queue is the unpartitioned one; its partitions (one queue per language and
 * desk, created as claims arrive) are counted by GET /review/stats instead. The maintenance
 * queue only carries the reconciler's beat, and is left out.
 */
export class MonitoredQueues {
  constructor(readonly list: readonly MonitoredQueue[]) {}
}
