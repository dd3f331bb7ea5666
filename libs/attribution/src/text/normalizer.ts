/**
 * Match-key normalisation with an offset map back to the original text.
 *
 * Every pattern in the engine runs over the normalised text, and every span it finds is
 * mapped back with {@link NormalizedText.toOriginal}, so the offsets the engine returns
 * always index the caller's string. The rules follow shared/research/attribution-notes.md:
 * diacritics, tatweel and invisible marks are dropped; hamza-carrying alefs, alef maqsura,
 * ta marbuta and hamza seats are unified; Arabic-Indic digits become ASCII; presentation
 * forms are folded with NFKC. Quotation marks are kept as they are, because which mark
 * opens and which closes matters for finding quotes.
 */
export interface NormalizedText {
  readonly original: string;
  readonly text: string;
  /** `map[i]` is the original offset of normalised char `i`; `map[text.length]` = original.length. */
  readonly map: Int32Array;
}

const REPLACEMENTS: Record<number, number> = {
  0x0623: 0x0627, // أ
  0x0625: 0x0627, // إ
  0x0622: 0x0627, // آ
  0x0671: 0x0627, // ٱ
  0x0649: 0x064a, // ى
  0x0629: 0x0647, // ة
  0x0624: 0x0648, // ؤ
  0x0626: 0x064a, // ئ
  0x06cc: 0x064a, // Persian yeh
  0x06a9: 0x0643, // Persian keheh
  0x00a0: 0x0020, // no-break space
  0x2007: 0x0020,
  0x202f: 0x0020,
};

/** Replacement for each BMP code unit (0 = keep as is), built once from REPLACEMENTS. */
const REPLACE_TABLE = new Uint16Array(0x10000);
for (const [from, to] of Object.entries(REPLACEMENTS)) REPLACE_TABLE[Number(from)] = to;

function isDropped(c: number): boolean {
  return (
    c === 0x0640 || // tatweel
    (c >= 0x064b && c <= 0x065f) || // harakat
    c === 0x0670 ||
    (c >= 0x06d6 && c <= 0x06ed) ||
    (c >= 0x200b && c <= 0x200f) || // zero-width and direction marks
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff ||
    c === 0x00ad
  );
}

function isPresentationForm(c: number): boolean {
  return (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefe);
}

export function normalize(original: string): NormalizedText {
  const n = original.length;
  let out = new Uint16Array(n + 16);
  let map = new Int32Array(n + 17);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    if (c < 0x80) {
      out[k] = c;
      map[k++] = i;
      continue;
    }
    if (isDropped(c)) continue;
    if (c >= 0x0660 && c <= 0x0669) {
      out[k] = c - 0x0660 + 0x30;
      map[k++] = i;
      continue;
    }
    if (c >= 0x06f0 && c <= 0x06f9) {
      out[k] = c - 0x06f0 + 0x30;
      map[k++] = i;
      continue;
    }
    if (isPresentationForm(c)) {
      // NFKC may expand one form into several letters; all of them map to this char. Forms
      // that NFKC keeps (ornate parentheses, noncharacters) stay as they are.
      const folded = original[i]!.normalize('NFKC');
      if (folded !== original[i]) {
        if (k + folded.length + (n - i) >= out.length) {
          // a ligature such as U+FDFA expands to eighteen letters: make room
          const size = (out.length + folded.length) * 2;
          const grownOut = new Uint16Array(size);
          grownOut.set(out);
          const grownMap = new Int32Array(size + 1);
          grownMap.set(map);
          out = grownOut;
          map = grownMap;
        }
        for (let f = 0; f < folded.length; f++) {
          const fc = folded.charCodeAt(f);
          if (isDropped(fc)) continue;
          out[k] = REPLACE_TABLE[fc] || fc;
          map[k++] = i;
        }
        continue;
      }
    }
    out[k] = REPLACE_TABLE[c] || c;
    map[k++] = i;
  }
  map[k] = n;
  let text = '';
  const CHUNK = 8192;
  for (let s = 0; s < k; s += CHUNK) {
    text += String.fromCharCode.apply(
      null,
      out.subarray(s, Math.min(k, s + CHUNK)) as unknown as number[],
    );
  }
  return { original, text, map: map.slice(0, k + 1) };
}

/**
 * Keys made so far (see normalizeKey): the same names, mentions and titles come back in every
 * article. Emptied when full, so a stream of new names costs a bounded amount of memory.
 */
const keys = new Map<string, string>();
const KEYS_KEPT = 20_000;

/** Normalises a lexicon entry or a name for use as a match key (no offsets needed). */
export function normalizeKey(s: string): string {
  let key = keys.get(s);
  if (key === undefined) {
    key = normalize(s).text.toLowerCase().replace(/\s+/g, ' ').trim();
    if (keys.size >= KEYS_KEPT) keys.clear();
    keys.set(s, key);
  }
  return key;
}

const LETTER = /\p{L}/u;

/** Whether the character of `text` that ends at or covers offset `i` is a letter. */
function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
  if (c >= 0x0621 && c <= 0x064a) return true;
  // the low half of a surrogate pair: the letter, if any, is the pair
  const at = c >= 0xdc00 && c <= 0xdfff && i > 0 ? i - 1 : i;
  return LETTER.test(String.fromCodePoint(text.codePointAt(at)!));
}

/** Maps a normalised span back to the original text (end exclusive). */
export function toOriginal(
  nt: NormalizedText,
  start: number,
  end: number,
): { start: number; end: number } {
  const s = nt.map[start] ?? nt.original.length;
  // The end goes up to the next kept character, so diacritics on the last letter stay in; a
  // span that ends inside an expanded ligature takes the whole ligature. A span that ends in
  // anything but a letter («الصحة» before a stray mark) ends with it: a mark dropped after
  // a quotation mark or a digit belongs to no letter of the span.
  let e = end >= nt.text.length ? nt.original.length : (nt.map[end] ?? nt.original.length);
  if (end > start && end <= nt.text.length) {
    const last = nt.map[end - 1]!;
    if ((end < nt.text.length && nt.map[end] === last) || !isLetter(nt.original, last))
      e = last + 1;
  }
  let oe = Math.max(s, e);
  while (oe > s && /\s/.test(nt.original[oe - 1]!)) oe--;
  return { start: s, end: oe };
}
