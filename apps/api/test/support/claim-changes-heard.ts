import { Client } from 'pg';
import { CLAIMS_CHANGED_CHANNEL, parseClaimsChangedPayload } from '@claimtrail/persistence';

/**
 * Listens to the claim-change notifications of a test database, as the API's read cache
 * does, so a test can check that a write announced the claims it changed.
 */
export class ClaimChangesHeard {
  private readonly heard: (readonly string[] | 'all')[] = [];
  private waiting: { ids: string[]; resolve: () => void }[] = [];

  private constructor(private readonly client: Client) {
    client.on('notification', (n) => {
      this.heard.push(parseClaimsChangedPayload(n.payload));
      this.waiting = this.waiting.filter((w) => {
        if (!this.announced(w.ids)) return true;
        w.resolve();
        return false;
      });
    });
  }

  static async on(databaseUrl: string): Promise<ClaimChangesHeard> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`LISTEN ${CLAIMS_CHANGED_CHANNEL}`);
    return new ClaimChangesHeard(client);
  }

  /** Resolves once every id was announced (by name or by an "anything changed"). */
  all(ids: string[]): Promise<void> {
    if (this.announced(ids)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ ids, resolve }));
  }

  /** Forgets what was heard so far: what a later write announces is all that counts. */
  forget(): void {
    this.heard.length = 0;
  }

  private announced(ids: string[]): boolean {
    return ids.every((id) => this.heard.some((h) => h === 'all' || h.includes(id.toLowerCase())));
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
