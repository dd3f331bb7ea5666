/**
 * When DataLoader dispatches the batches of a group commit. Audit appends serialise every
 * write transaction on one lock held until COMMIT, so many small transactions queue behind
 * each other's commit; a batch should rather keep filling while earlier batches are being
 * written. A new batch is dispatched on the next turn of the event loop (so the requests
 * already read join it) if fewer than `maxInFlight` batches are being written, otherwise
 * as soon as one of them is done. Under light load a submission waits for nothing; under
 * heavy load the batches grow to match the commit latency.
 */
export class GroupCommitScheduler {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  /**
   * @param windowMs how long a new batch gathers before it may be dispatched; 0: until the
   *   next turn of the event loop
   */
  constructor(
    private readonly maxInFlight: number,
    private readonly windowMs = 0,
  ) {}

  /** DataLoader's `batchScheduleFn`. */
  readonly schedule = (dispatch: () => void): void => {
    this.waiting.push(dispatch);
    if (this.windowMs > 0) setTimeout(() => this.pump(), this.windowMs);
    else setImmediate(() => this.pump());
  };

  /**
   * Runs one dispatched batch's write, counted in flight until it settles. The batch
   * function of the loader must go through here: DataLoader calls it synchronously from
   * `dispatch`, so the count is right before the next batch is considered.
   */
  async write<T>(run: () => Promise<T>): Promise<T> {
    this.inFlight += 1;
    try {
      return await run();
    } finally {
      this.inFlight -= 1;
      this.pump();
    }
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) this.waiting.shift()!();
  }
}
