import { Client } from 'pg';
import { CLAIMS_CHANGED_CHANNEL, parseClaimsChangedPayload } from './claim-changes';

/** What a listener tells its owner. */
export interface ClaimChangesObserver {
  /** LISTEN is in effect: every change committed from now on will be announced. */
  listening(): void;
  /** Claims changed (committed): these ids, or any claims. */
  changed(claimIds: readonly string[] | 'all'): void;
  /** The connection is gone: changes may go unannounced until `listening` is called again. */
  lost(error: Error | undefined): void;
}

export interface ClaimChangesListenerOptions {
  /** First wait before reconnecting, doubled after every failed attempt up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  /** Shown in pg_stat_activity, so operators (and tests) can tell this connection apart. */
  applicationName?: string;
  /** How often the connection is checked while it listens (a dead peer sends no error). */
  heartbeatMs?: number;
}

export const CLAIM_CHANGES_APPLICATION_NAME = 'claimtrail-claim-changes';

/**
 * One dedicated Postgres connection that LISTENs on CLAIMS_CHANGED_CHANNEL and reports what
 * it hears. It never gives up: a failed or dropped connection is reported as `lost` and
 * retried in the background with a capped exponential backoff, until `stop()`.
 */
export class ClaimChangesListener {
  private client: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private stopped = false;
  private nextRetryMs: number;
  private readonly retryMs: number;
  private readonly maxRetryMs: number;
  private readonly applicationName: string;
  private readonly heartbeatMs: number;

  constructor(
    private readonly databaseUrl: string,
    private readonly observer: ClaimChangesObserver,
    options: ClaimChangesListenerOptions = {},
  ) {
    this.retryMs = options.retryMs ?? 100;
    this.maxRetryMs = options.maxRetryMs ?? 5_000;
    this.applicationName = options.applicationName ?? CLAIM_CHANGES_APPLICATION_NAME;
    this.heartbeatMs = options.heartbeatMs ?? 10_000;
    this.nextRetryMs = this.retryMs;
  }

  /** Starts connecting in the background; `listening` is called once LISTEN is in effect. */
  start(): void {
    this.stopped = false;
    if (!this.client && !this.timer) void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    clearInterval(this.heartbeat);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.timer = undefined;
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: this.applicationName,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      // a heartbeat that gets no answer means the connection is gone, even if TCP says nothing
      query_timeout: 5_000,
    });
    this.client = client;
    let dropped = false;
    const drop = (error?: Error) => {
      if (dropped) return;
      dropped = true;
      clearInterval(this.heartbeat);
      if (this.client === client) this.client = undefined;
      client.removeAllListeners('notification');
      // an 'error' after this one must not go unhandled and crash the process
      client.on('error', () => undefined);
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.observer.lost(error);
      this.timer = setTimeout(() => void this.connect(), this.nextRetryMs);
      this.nextRetryMs = Math.min(this.nextRetryMs * 2, this.maxRetryMs);
    };
    client.on('error', drop);
    client.on('end', () => drop(new Error('the claim-changes connection ended')));
    client.on('notification', (n) => {
      if (n.channel === CLAIMS_CHANGED_CHANNEL)
        this.observer.changed(parseClaimsChangedPayload(n.payload));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CLAIMS_CHANGED_CHANNEL}`);
    } catch (e) {
      drop(e as Error);
      return;
    }
    if (dropped || this.stopped) return;
    this.nextRetryMs = this.retryMs;
    this.heartbeat = setInterval(() => {
      client.query('SELECT 1').catch((e: Error) => drop(e));
    }, this.heartbeatMs);
    this.heartbeat.unref();
    this.observer.listening();
  }
}
