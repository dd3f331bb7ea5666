import type { LeaseSweeper } from './lease-sweeper';
import type { LeaseWorkers } from './lease-workers';

/**
 * What keeps leases running out without anyone's action, in every process that leases:
 * every `everyMs` it picks up review partitions created elsewhere (so BullMQ's stalled
 * checker runs on them here too) and sweeps lapsed leases in Postgres. One round at a time;
 * a part that fails is reported and the next round runs as planned.
 */
export class ReviewUpkeep {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly workers: LeaseWorkers,
    private readonly sweeper: LeaseSweeper,
    private readonly everyMs: number,
    private readonly onError: (e: unknown) => void,
  ) {}

  start(): void {
    this.stopped = false;
    this.round();
  }

  private round(): void {
    // each on its own: Postgres sweeps on while Redis is away, and the other way round
    const report = (e: unknown) => {
      if (!this.stopped) this.onError(e);
    };
    this.running = Promise.all([
      this.workers.refresh().catch(report),
      this.sweeper.sweep().catch(report),
    ]).then(() => undefined);
    void this.running.then(() => {
      if (this.stopped) return;
      this.timer = setTimeout(() => this.round(), this.everyMs);
      // leases are kept by Redis and Postgres: this timer never holds a process open
      this.timer.unref();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
