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
  /**
   * The claim ids announced as changed while it loaded: an answer that shows one of them
   * may show it as it was before, and is not kept.
   */
  heard: (readonly string[])[];
}

/** What a kept claim answer shows of other claims (for `changed` to find it by them). */
interface Shown {
  answer: Buffer;
  ids: readonly string[];
}

/**
 * The serialised answers of the claim read routes (one claim; one list query), kept in
 * memory and dropped when claims change. It is only as correct as the change notifications
 * it is given, so it serves nothing until told it hears them (`listening`), and forgets
 * everything the moment it may no longer hear them (`lost`).
 *
 * A claim's answer may show other claims too (its similar claims, with their verdicts): it
 * is kept with their ids, and a change of any of them drops it as a change of the claim does.
 *
 * Races: an answer is stored only if no change that concerns it (its own claim, or one it
 * shows) was announced while it was loaded (its query may have read the state before that
 * change). Concurrent misses for the same answer share one load, unless a change was
 * announced after the load began.
 */
export class ClaimReadCache {
  private readonly claims: LRUCache<string, Buffer>;
  private readonly lists: LRUCache<string, Buffer>;
  private readonly claimLoads = new Map<string, Load>();
  private readonly listLoads = new Map<string, Load>();
  /** For each kept claim answer that shows other claims: which. */
  private readonly shown = new Map<string, Shown>();
  /** For each claim shown by kept answers of other claims: the keys of those answers. */
  private readonly shownBy = new Map<string, Set<string>>();
  private active = false;

  constructor(options: ClaimReadCacheOptions) {
    // lists are dropped on every change and claims only one by one: separate budgets keep
    // a burst of list pages from evicting the claims
    const store = (maxSize: number, dispose?: (value: Buffer, key: string) => void) =>
      new LRUCache<string, Buffer>({
        maxSize,
        sizeCalculation: (value, key) => value.length + 2 * key.length,
        ttl: options.maxAgeMs,
        ...(dispose ? { dispose } : {}),
      });
    // however a claim answer leaves (evicted, expired, dropped, replaced), what it showed is forgotten
    this.claims = store(Math.floor(options.maxBytes / 2), (answer, key) =>
      this.unshow(key, answer),
    );
    this.lists = store(Math.floor(options.maxBytes / 2));
  }

  /** True while answers are kept and served (the notifications are heard). */
  get serving(): boolean {
    return this.active;
  }

  /** The kept answer for one claim, if there is one and answers are being served. */
  keptClaim(id: string): Buffer | undefined {
    return this.active ? this.claims.get(id) : undefined;
  }

  /** The kept answer for one list query (`key` as given to `list`), likewise. */
  keptList(key: string): Buffer | undefined {
    return this.active ? this.lists.get(key) : undefined;
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
    for (const load of this.claimLoads.values()) load.heard.push(claimIds);
    for (const id of claimIds) {
      const load = this.claimLoads.get(id);
      if (load) {
        load.superseded = true;
        this.claimLoads.delete(id);
      }
      this.claims.delete(id);
      // a copy: each delete forgets the answer in shownBy
      for (const key of [...(this.shownBy.get(id) ?? [])]) this.claims.delete(key);
    }
  }

  /**
   * The serialised answer for one claim, from memory or from `load`. `shows` names the other
   * claims an answer shows (a change of any of them drops it too).
   */
  claim<T>(
    id: string,
    load: () => Promise<T>,
    shows?: (answer: T) => readonly string[],
  ): Promise<Buffer> {
    return this.read(this.claims, this.claimLoads, id, load, shows);
  }

  /** The serialised answer for one list query; `key` must name every parameter of it. */
  list(key: string, load: () => Promise<unknown>): Promise<Buffer> {
    return this.read(this.lists, this.listLoads, key, load);
  }

  private read<T>(
    store: LRUCache<string, Buffer>,
    loads: Map<string, Load>,
    key: string,
    load: () => Promise<T>,
    shows?: (answer: T) => readonly string[],
  ): Promise<Buffer> {
    if (!this.active) return load().then(serialise);
    const kept = store.get(key);
    if (kept) return Promise.resolve(kept);
    const pending = loads.get(key);
    if (pending) return pending.answer;
    const started: Load = {
      answer: undefined as unknown as Promise<Buffer>,
      superseded: false,
      heard: [],
    };
    started.answer = load()
      .then((value) => {
        const answer = serialise(value);
        const ids = shows?.(value) ?? [];
        // `superseded` is also set by lost(), so nothing loaded before an outage is kept
        if (started.superseded || heardAny(started.heard, ids)) return answer;
        store.set(key, answer);
        // (an answer larger than the whole budget is not kept)
        if (ids.length > 0 && store.peek(key) === answer) this.show(key, answer, ids);
        return answer;
      })
      .finally(() => {
        if (loads.get(key) === started) loads.delete(key);
      });
    loads.set(key, started);
    return started.answer;
  }

  private show(key: string, answer: Buffer, ids: readonly string[]): void {
    this.shown.set(key, { answer, ids });
    for (const id of ids) {
      const keys = this.shownBy.get(id) ?? new Set<string>();
      this.shownBy.set(id, keys.add(key));
    }
  }

  /** Forgets what the answer kept under `key` shows, unless another answer replaced it. */
  private unshow(key: string, answer: Buffer): void {
    const shown = this.shown.get(key);
    if (shown?.answer !== answer) return;
    this.shown.delete(key);
    for (const id of shown.ids) {
      const keys = this.shownBy.get(id);
      keys?.delete(key);
      if (keys?.size === 0) this.shownBy.delete(id);
    }
  }
}

/** True when a change heard names one of `ids`. */
function heardAny(heard: (readonly string[])[], ids: readonly string[]): boolean {
  if (ids.length === 0 || heard.length === 0) return false;
  const wanted = new Set(ids);
  return heard.some((changed) => changed.some((id) => wanted.has(id)));
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
