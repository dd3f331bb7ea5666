import { LRUCache } from 'lru-cache';

export interface ClaimReadCacheOptions {
  /** Bytes of serialised answers kept, claims and lists together. */
  maxBytes: number;
  /** Longest an answer is served from memory, whatever the notifications say. */
  maxAgeMs: number;
}

/** A load in flight; `superseded` once a change it may predate has been announced. */
interface Load {
  answer: Promise<Buffer>;
  superseded: boolean;
}

/**
 * The serialised answers of the claim read routes (one claim; one list query), kept in
 * memory and dropped when claims change. It is only as correct as the change notifications
 * it is given, so it serves nothing until told it hears them (`listening`), and forgets
 * everything the moment it may no longer hear them (`lost`).
 *
 * Races: an answer is stored only if no change that concerns it was announced while it
 * was loaded (its query may have read the state before that change). Concurrent misses
 * for the same answer share one load, unless a change was announced after the load began.
 */
export class ClaimReadCache {
  private readonly claims: LRUCache<string, Buffer>;
  private readonly lists: LRUCache<string, Buffer>;
  private readonly claimLoads = new Map<string, Load>();
  private readonly listLoads = new Map<string, Load>();
  private active = false;

  constructor(options: ClaimReadCacheOptions) {
    // lists are dropped on every change and claims only one by one: separate budgets keep
    // a burst of list pages from evicting the claims
    const store = (maxSize: number) =>
      new LRUCache<string, Buffer>({
        maxSize,
        sizeCalculation: (value, key) => value.length + 2 * key.length,
        ttl: options.maxAgeMs,
      });
    this.claims = store(Math.floor(options.maxBytes / 2));
    this.lists = store(Math.floor(options.maxBytes / 2));
  }

  /** True while answers are kept and served (the notifications are heard). */
  get serving(): boolean {
    return this.active;
  }

  /** Change notifications are heard from now on: start keeping answers. */
  listening(): void {
    this.active = true;
  }

  /** Change notifications may be missed: forget everything and serve nothing until `listening`. */
  lost(): void {
    this.active = false;
    this.changed('all');
  }

  /** Claims changed (committed): drop what may show them, and every list. */
  changed(claimIds: readonly string[] | 'all'): void {
    supersede(this.listLoads);
    this.lists.clear();
    if (claimIds === 'all') {
      supersede(this.claimLoads);
      this.claims.clear();
      return;
    }
    for (const id of claimIds) {
      const load = this.claimLoads.get(id);
      if (load) {
        load.superseded = true;
        this.claimLoads.delete(id);
      }
      this.claims.delete(id);
    }
  }

  /** The serialised answer for one claim, from memory or from `load`. */
  claim(id: string, load: () => Promise<unknown>): Promise<Buffer> {
    return this.read(this.claims, this.claimLoads, id, load);
  }

  /** The serialised answer for one list query; `key` must name every parameter of it. */
  list(key: string, load: () => Promise<unknown>): Promise<Buffer> {
    return this.read(this.lists, this.listLoads, key, load);
  }

  private read(
    store: LRUCache<string, Buffer>,
    loads: Map<string, Load>,
    key: string,
    load: () => Promise<unknown>,
  ): Promise<Buffer> {
    if (!this.active) return load().then(serialise);
    const kept = store.get(key);
    if (kept) return Promise.resolve(kept);
    const pending = loads.get(key);
    if (pending) return pending.answer;
    const started: Load = { answer: undefined as unknown as Promise<Buffer>, superseded: false };
    started.answer = load()
      .then(serialise)
      .then((answer) => {
        // `superseded` is also set by lost(), so nothing loaded before an outage is kept
        if (!started.superseded) store.set(key, answer);
        return answer;
      })
      .finally(() => {
        if (loads.get(key) === started) loads.delete(key);
      });
    loads.set(key, started);
    return started.answer;
  }
}

function supersede(loads: Map<string, Load>): void {
  for (const load of loads.values()) load.superseded = true;
  loads.clear();
}

/**
 * The JSON bytes of `value`, in memory of their own: Buffer.from would cut small answers
 * out of Node's shared 8 KB pool, and one kept answer would then hold a whole pool slab,
 * beyond what the size limit counts.
 */
function serialise(value: unknown): Buffer {
  const json = JSON.stringify(value);
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(json));
  bytes.write(json);
  return bytes;
}
