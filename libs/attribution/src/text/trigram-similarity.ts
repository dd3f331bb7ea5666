/**
 * The trigram similarity of two similarity keys ({@link similarityKey}), as pg_trgm's
 * `similarity()` defines it: each word padded with two spaces in front and one behind, its
 * trigrams taken by code point, duplicates dropped, and the shared trigrams counted over all
 * trigrams of the two texts (the Jaccard index of the two sets), rounded to a 32-bit float as
 * Postgres returns it. pg_trgm compresses a trigram of more than three bytes into a CRC, so
 * on rare collisions it can count a pair of Arabic trigrams as shared that this does not.
 *
 * Computed where the claims are (the extraction worker holds the new claims' keys), so that
 * Postgres only reads and writes while claims are linked.
 */
export function trigramSimilarity(a: ReadonlySet<Trigram>, b: ReadonlySet<Trigram>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  return Math.fround(shared / (a.size + b.size - shared));
}

/**
 * A trigram of three code points: one number when all three are below 2^17 (every script of
 * the Basic Multilingual Plane and then some), exactly; a string otherwise.
 */
export type Trigram = number | string;

const SPACE = 0x20;
const BELOW = 2 ** 17;

function trigram(a: number, b: number, c: number): Trigram {
  return a < BELOW && b < BELOW && c < BELOW
    ? (a * BELOW + b) * BELOW + c
    : String.fromCodePoint(a, b, c);
}

/**
 * Calls `visit` with the three code points of every trigram of `key`, as pg_trgm takes them:
 * each word (a run of anything but spaces) padded with two spaces in front and one behind,
 * by code point. Duplicates are visited again. Returns the number of words.
 */
export function forEachTrigram(
  key: string,
  visit: (a: number, b: number, c: number) => void,
): number {
  let words = 0;
  // the two code points before the current one; a word starts after two spaces of padding
  let a = SPACE;
  let b = SPACE;
  for (let i = 0; i < key.length; i++) {
    const c = key.codePointAt(i)!;
    if (c > 0xffff) i++;
    if (c === SPACE) {
      // the end of a word: one space of padding behind it
      if (b !== SPACE) visit(a, b, SPACE);
      a = b = SPACE;
      continue;
    }
    if (a === SPACE && b === SPACE) words++;
    visit(a, b, c);
    a = b;
    b = c;
  }
  if (b !== SPACE) visit(a, b, SPACE);
  return words;
}

/** The trigram set of a similarity key (words separated by single spaces), as pg_trgm takes it. */
export function trigramsOf(key: string): Set<Trigram> {
  const trigrams = new Set<Trigram>();
  forEachTrigram(key, (a, b, c) => trigrams.add(trigram(a, b, c)));
  return trigrams;
}
