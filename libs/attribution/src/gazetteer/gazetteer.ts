import type { SourceKind } from '../types';
import { normalizeKey } from '../text/normalizer';
import { tokenize } from '../text/tokens';
import data from './gazetteer.json';

/** One known outlet, agency, government, capital, ministry or organisation. */
export interface GazetteerEntry {
  id: string;
  name: string;
  kind: Exclude<SourceKind, 'person' | 'person_group' | 'official_group' | 'unknown'>;
  type: string;
  en: string[];
  ar: string[];
  demonym?: { en: string; ar: string[] };
  country?: string;
}

export interface GazetteerMatch {
  entry: GazetteerEntry;
  /** Number of tokens the alias spans. */
  length: number;
}

interface Alias {
  rest: string[];
  entry: GazetteerEntry;
  /** English single-word aliases written with capitals only match capitalised text ("US", not "us"). */
  caseSensitive: string | null;
}

const wordKeys = (s: string): string[] =>
  tokenize(normalizeKey(s))
    .filter((t) => t.word)
    .map((t) => t.key);

/**
 * Looks up names in the gazetteer data file (gazetteer.json). Aliases are matched as
 * token sequences over normalised text, longest first.
 */
export class Gazetteer {
  private readonly byFirst = new Map<string, Alias[]>();
  private readonly demonyms = new Map<string, GazetteerEntry>();
  readonly entries: readonly GazetteerEntry[];

  constructor(entries: GazetteerEntry[]) {
    this.entries = entries;
    for (const entry of entries) {
      for (const alias of [entry.name, ...entry.en, ...entry.ar]) {
        const keys = wordKeys(alias);
        if (keys.length === 0) continue;
        const list = this.byFirst.get(keys[0]!) ?? [];
        const single =
          keys.length === 1 && /^[A-Z]/.test(alias) ? alias.replace(/[.'’]/g, '') : null;
        list.push({ rest: keys.slice(1), entry, caseSensitive: single });
        this.byFirst.set(keys[0]!, list);
      }
      if (entry.demonym) {
        this.demonyms.set(entry.demonym.en.toLowerCase().replace(/[.'’]/g, ''), entry);
        for (const ar of entry.demonym.ar) this.demonyms.set(normalizeKey(ar), entry);
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  }

  /**
   * The longest alias that starts at `keys[i]`. `first` may replace the first key (a
   * stripped clitic); `surface` is the first token as written, for case-sensitive aliases.
   */
  matchAt(
    keys: readonly string[],
    i: number,
    first = keys[i],
    surface?: string,
  ): GazetteerMatch | null {
    if (first === undefined) return null;
    const list = this.byFirst.get(first);
    if (!list) return null;
    for (const alias of list) {
      if (
        alias.caseSensitive &&
        surface !== undefined &&
        surface.replace(/[.'’]/g, '') !== alias.caseSensitive
      )
        continue;
      let ok = true;
      for (let k = 0; k < alias.rest.length; k++) {
        if (keys[i + 1 + k] !== alias.rest[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return { entry: alias.entry, length: alias.rest.length + 1 };
    }
    return null;
  }

  /** The country whose demonym this (normalised, masculine singular) adjective is. */
  demonym(key: string): GazetteerEntry | undefined {
    return this.demonyms.get(key);
  }

  byId(id: string): GazetteerEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }
}

let shared: Gazetteer | undefined;

/** The gazetteer built from the shipped data file, built once. */
export function defaultGazetteer(): Gazetteer {
  shared ??= new Gazetteer((data as { entries: GazetteerEntry[] }).entries);
  return shared;
}
