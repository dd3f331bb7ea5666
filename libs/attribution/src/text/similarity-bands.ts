import { walkTrigrams } from './trigram-similarity';

/**
 * Locality-sensitive hashing of similarity keys ({@link similarityKey}), so that claims which
 * say nearly the same thing can be found by exact lookups of a few integers instead of a
 * comparison with every stored claim.
 *
 * The similarity it approximates is pg_trgm's: the trigrams of each word (padded with two
 * spaces in front and one behind), and shared trigrams over all trigrams of the two texts
 * (the Jaccard index of the two trigram sets). MinHash estimates that index: for each of
 * BANDS × ROWS hash functions the smallest hash over a text's trigrams is the same for two
 * texts with probability equal to their Jaccard index. The minima are grouped in BANDS bands
 * of ROWS; a band's value is a hash of its minima, so two texts share a band value when all
 * of its ROWS minima agree. Two texts of similarity s share at least one band with
 * probability 1 − (1 − s^ROWS)^BANDS:
 *
 * | s    | 0.1   | 0.2  | 0.4  | 0.5  | 0.6  | 0.7  | 0.8   |
 * |------|-------|------|------|------|------|------|-------|
 * | P    | 0.01  | 0.08 | 0.48 | 0.74 | 0.91 | 0.99 | 0.999 |
 *
 * Sharing a band makes two claims candidates only: their exact similarity is then computed
 * ({@link trigramSimilarity}) and compared with the threshold. Ten bands keep the cost of a
 * claim to ten keys looked up and at most ten index entries; more bands would find more of the
 * pairs near the threshold at a cost paid by every claim.
 */
export const BANDS = 10;
export const ROWS = 3;

/**
 * Keys of fewer words get no bands and are never linked: a fragment such as «في غضون ذلك»
 * or "he said" recurs in every other article and says nothing that could be checked.
 */
export const MIN_WORDS = 4;

const HASHES = BANDS * ROWS;

/** murmur3's 32-bit finaliser: a bijection that spreads every input bit over the output. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One seed per hash function, fixed: bands must be the same in every process and release. */
const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => fmix32(0x9e3779b9 + i));

/** SEEDS as signed 32-bit integers, and the sign bit: see similarityBands. */
const SIGNED_SEEDS = Int32Array.from(SEEDS);
const TOP_BIT = -0x80000000;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a's step over the UTF-16 code units of one code point. */
function fnv(h: number, codePoint: number): number {
  if (codePoint <= 0xffff) return Math.imul(h ^ codePoint, FNV_PRIME);
  const offset = codePoint - 0x10000;
  h = Math.imul(h ^ (0xd800 + (offset >> 10)), FNV_PRIME);
  return Math.imul(h ^ (0xdc00 + (offset & 0x3ff)), FNV_PRIME);
}

/** A trigram's hash: FNV-1a over the UTF-16 code units of its three code points, finalised. */
const hashTrigram = (a: number, b: number, c: number): number =>
  fmix32(fnv(fnv(fnv(FNV_OFFSET, a), b), c));

/**
 * The band values of a similarity key, as signed 32-bit integers (Postgres `integer`);
 * empty for a key of fewer than MIN_WORDS words (runs of anything but spaces). Deterministic,
 * and stable across releases: stored bands are compared with those of new claims.
 */
export function similarityBands(key: string): number[] {
  const { codes, count, words } = walkTrigrams(key);
  if (words < MIN_WORDS) return [];
  const hashes = new Int32Array(count);
  for (let t = 0; t < count; t++)
    hashes[t] = hashTrigram(codes[3 * t]!, codes[3 * t + 1]!, codes[3 * t + 2]!);
  // The minimum over every trigram (a repeat cannot change a minimum) of each hash function,
  // fmix32 written out in 32-bit integers: unsigned order is the signed order of the values
  // with their top bit flipped, so nothing leaves the integer range in the hottest loop
  const minima = new Uint32Array(HASHES);
  for (let j = 0; j < HASHES; j++) {
    const seed = SIGNED_SEEDS[j]!;
    let least = 0x7fffffff;
    for (let t = 0; t < count; t++) {
      let h = hashes[t]! ^ seed;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      h ^= TOP_BIT;
      if (h < least) least = h;
    }
    minima[j] = least ^ TOP_BIT;
  }
  const bands: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    // the band's number is part of its value: equal minima in different bands do not match
    let h = fmix32(SEEDS[band]! ^ 0x5bd1e995);
    for (let r = 0; r < ROWS; r++) h = fmix32(Math.imul(h, 31) ^ minima[band * ROWS + r]!);
    bands.push(h | 0);
  }
  return bands;
}
