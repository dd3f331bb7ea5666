import DataLoader from 'dataloader';
import type { ReviewQueues } from './review-queues';

/** What waits on one review partition. */
export interface Backlog {
  /** Jobs in the wait list: leases that ran out or were released. */
  returned: number;
  /** The best (lowest) priority among the prioritized jobs; undefined when there are none. */
  bestPriority: number | undefined;
}

/** BullMQ's prioritized score is priority × 2^32 + a counter. */
const PRIORITY_SHIFT = 2 ** 32;

/**
 * Reads what waits on review partitions. Every lease asks about its candidates (its own
 * partition and the pool's), and under load many leases ask at once: the partitions asked
 * about in one turn of the event loop are read in one round trip to Redis, each once, and
 * every lease gets the same answer for the same partition.
 */
export class PartitionBacklog {
  private readonly loader: DataLoader<string, Backlog>;

  constructor(private readonly queues: ReviewQueues) {
    this.loader = new DataLoader((names) => this.read(names), {
      cache: false,
      batchScheduleFn: (run) => setImmediate(run),
    });
  }

  of(names: string[]): Promise<Backlog[]> {
    return Promise.all(names.map((name) => this.loader.load(name)));
  }

  private async read(asked: readonly string[]): Promise<Backlog[]> {
    const names = [...new Set(asked)];
    const redis = this.queues.connection;
    // sent as plain commands: on an auto-pipelining connection (the API's) they leave in
    // one write (an ioredis pipeline object costs more to build than these few commands do
    // to run)
    const replies = await Promise.all(
      names.map((name) =>
        Promise.all([
          redis.llen(this.queues.keyOf(name, 'wait')),
          redis.zrange(this.queues.keyOf(name, 'prioritized'), '0', '0', 'WITHSCORES'),
        ]),
      ),
    );
    const backlogs = new Map(
      names.map((name, i) => {
        const [returned, [, score]] = replies[i]!;
        return [
          name,
          {
            returned,
            bestPriority:
              score === undefined ? undefined : Math.floor(Number(score) / PRIORITY_SHIFT),
          },
        ];
      }),
    );
    return asked.map((name) => backlogs.get(name)!);
  }
}
