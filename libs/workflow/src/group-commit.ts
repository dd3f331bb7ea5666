import DataLoader from 'dataloader';
import { GroupCommitScheduler } from '@claimtrail/ingest';

export interface GroupCommitOptions {
  /** Calls written in one transaction at most. */
  maxBatchSize?: number;
  /** Batch transactions written at once; the next batch fills meanwhile. */
  maxInFlight?: number;
}

/**
 * Writes concurrent calls together, one transaction per batch (group commit, as
 * ArticleService does for articles): every review write appends to the audit log, whose
 * lock is held until COMMIT, so one commit for many calls is what lets leases and verdicts
 * scale past one commit latency each. `write` gets the batch and answers each call with its
 * own outcome, a value or an Error, so one caller's refusal (a lost lease) does not touch
 * the others; only a failure of the whole transaction fails them all.
 *
 * A batch never holds two calls on the same claim: a second call waits for a later round,
 * written after the first's commit, so it sees the first's outcome as it would have one
 * request at a time.
 */
export class GroupCommit<T, R> {
  private readonly scheduler: GroupCommitScheduler;
  private readonly loader: DataLoader<T, R>;

  constructor(
    private readonly write: (batch: T[]) => Promise<(R | Error)[]>,
    private readonly claimOf: (call: T) => string,
    { maxBatchSize = 100, maxInFlight = 1 }: GroupCommitOptions = {},
  ) {
    this.scheduler = new GroupCommitScheduler(maxInFlight);
    this.loader = new DataLoader((batch) => this.writeRounds(batch), {
      cache: false,
      maxBatchSize,
      batchScheduleFn: this.scheduler.schedule,
    });
  }

  run(call: T): Promise<R> {
    return this.loader.load(call);
  }

  private async writeRounds(batch: readonly T[]): Promise<(R | Error)[]> {
    const outcomes: (R | Error)[] = new Array<R | Error>(batch.length);
    let pending = batch.map((call, index) => ({ call, index }));
    while (pending.length > 0) {
      const claims = new Set<string>();
      const round: typeof pending = [];
      const later: typeof pending = [];
      for (const p of pending) {
        const claim = this.claimOf(p.call);
        if (claims.has(claim)) later.push(p);
        else {
          claims.add(claim);
          round.push(p);
        }
      }
      // the first round starts before any await: the scheduler counts it in flight at once
      try {
        const written = await this.scheduler.write(() => this.write(round.map((p) => p.call)));
        round.forEach((p, i) => (outcomes[p.index] = written[i]!));
      } catch (e) {
        const error = e instanceof Error ? e : new Error(String(e));
        for (const p of round) outcomes[p.index] = error;
      }
      pending = later;
    }
    return outcomes;
  }
}
