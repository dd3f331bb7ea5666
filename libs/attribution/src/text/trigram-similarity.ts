/**
 * The trigrams of a similarity key ({@link similarityKey}), sorted and without duplicates, as
 * pg_trgm takes them: each word padded with two spaces in front and one behind, by code
 * point. A trigram of three code points below 2^17 (every script of the Basic Multilingual
 * Plane and then some) is one exact number; the rare others are strings.
 */
export interface TrigramSet {
  /** The trigrams of three code points below 2^17, as numbers, in ascending order. */
  readonly numbers: Float64Array;
  /** The other trigrams, as strings of their three code points, in ascending order. */
  readonly others: readonly string[];
  readonly size: number;
}

const SPACE = 0x20;
const BELOW = 2 ** 17;

/** The trigrams of a key, as walkTrigrams lists them. */
export interface TrigramWalk {
  /**
   * Three code points per trigram, duplicates included. Shared by every walk: read it before
   * the next call of walkTrigrams.
   */
  codes: Int32Array;
  count: number;
  words: number;
}

/** Where walkTrigrams writes, reused from call to call; grown when a key needs more. */
let scratch = new Int32Array(3 * 512);

/**
 * Every trigram of `key` as pg_trgm takes them: each word (a run of anything but spaces)
 * padded with two spaces in front and one behind, by code point; with the number of words.
 * No callback per trigram and nothing allocated per call but the answer: trigramsOf and
 * similarityBands run it for every claim written.
 */
export function walkTrigrams(key: string): TrigramWalk {
  // at most one trigram per code unit, plus the one behind each word
  const most = 3 * (2 * key.length + 1);
  if (scratch.length < most) scratch = new Int32Array(most);
  const out = scratch;
  let n = 0;
  let words = 0;
  // the two code points before the current one; a word starts after two spaces of padding
  let a = SPACE;
  let b = SPACE;
  for (let i = 0; i < key.length; i++) {
    const c = key.codePointAt(i)!;
    if (c > 0xffff) i++;
    if (c === SPACE) {
      // the end of a word: one space of padding behind it
      if (b !== SPACE) {
        out[n++] = a;
        out[n++] = b;
        out[n++] = SPACE;
      }
      a = b = SPACE;
      continue;
    }
    if (a === SPACE && b === SPACE) words++;
    out[n++] = a;
    out[n++] = b;
    out[n++] = c;
    a = b;
    b = c;
  }
  if (b !== SPACE) {
    out[n++] = a;
    out[n++] = b;
    out[n++] = SPACE;
  }
  return { codes: out, count: n / 3, words };
}

/** Drops the repeats of a sorted list, in place; returns how many values are left. */
function dedupeSorted<T>(sorted: { [i: number]: T; length: number }): number {
  let kept = 0;
  for (let i = 0; i < sorted.length; i++)
    if (kept === 0 || sorted[i] !== sorted[kept - 1]) sorted[kept++] = sorted[i]!;
  return kept;
}

/** How many values two sorted lists without repeats have in common. */
function sharedSorted<T>(x: ArrayLike<T>, y: ArrayLike<T>): number {
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i]! < y[j]!) i++;
    else if (x[i]! > y[j]!) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return shared;
}

/** The trigram set of a similarity key (words separated by single spaces), as pg_trgm takes it. */
export function trigramsOf(key: string): TrigramSet {
  const { codes, count } = walkTrigrams(key);
  const all = new Float64Array(count);
  let n = 0;
  let others: string[] = [];
  for (let t = 0; t < 3 * count; t += 3) {
    const a = codes[t]!;
    const b = codes[t + 1]!;
    const c = codes[t + 2]!;
    if (a < BELOW && b < BELOW && c < BELOW) all[n++] = (a * BELOW + b) * BELOW + c;
    else others.push(String.fromCodePoint(a, b, c));
  }
  // a typed array sorts by value
  const numbers = all.subarray(0, n).sort();
  const unique = numbers.subarray(0, dedupeSorted(numbers));
  if (others.length > 1) {
    others.sort();
    others = others.slice(0, dedupeSorted(others));
  }
  return { numbers: unique, others, size: unique.length + others.length };
}

/**
 * The trigram similarity of two similarity keys' trigram sets, as pg_trgm's `similarity()`
 * defines it: the shared trigrams counted over all trigrams of the two texts (the Jaccard
 * index of the two sets), rounded to a 32-bit float as Postgres returns it. pg_trgm
 * compresses a trigram of more than three bytes into a CRC, so on rare collisions it can
 * count a pair of Arabic trigrams as shared that this does not.
 *
 * Computed where the claims are (the extraction worker holds the new claims' keys), so that
 * Postgres only reads and writes while claims are linked.
 */
export function trigramSimilarity(a: TrigramSet, b: TrigramSet): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = sharedSorted(a.numbers, b.numbers);
  if (a.others.length > 0 && b.others.length > 0) shared += sharedSorted(a.others, b.others);
  return Math.fround(shared / (a.size + b.size - shared));
}
