/** Word and punctuation tokens over normalised text, with offsets into that text. */
export interface Token {
  /** Normalised surface. */
  text: string;
  start: number;
  end: number;
  /** A word (letters or digits), as opposed to a punctuation mark. */
  word: boolean;
  /** Lower-cased, dots and apostrophes removed: "U.S." → "us", «أ.ف.ب» → «افب». */
  key: string;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*|\S/gu;
const STRIP = /[.'’]/g;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null && m.index < to) {
    const t = m[0];
    const end = m.index + t.length;
    if (end > to) break;
    const word = t.length > 1 || /[\p{L}\p{N}]/u.test(t);
    let key = t;
    if (word) {
      key = t.charCodeAt(0) < 0x0600 ? t.toLowerCase() : t;
      if (key.length > 1 && (key.includes('.') || key.includes("'") || key.includes('’')))
        key = key.replace(STRIP, '');
    }
    tokens.push({ text: t, start: m.index, end, word, key });
  }
  return tokens;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** JavaScript's white space (`\s`): the Unicode space separators and the line terminators. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * How many words of `s` hold a letter or a digit, a word being a run of anything but white
 * space: `s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length`, counted in one pass
 * without making the words (claims are measured this way many times each).
 */
export function countWords(s: string): number {
  let count = 0;
  // inside a word, and whether it was counted already
  let inWord = false;
  let counted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      counted = false;
    }
    if (counted) continue;
    const letterOrDigit =
      c < 0x80
        ? (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)
        : LETTER_OR_DIGIT.test(String.fromCodePoint(s.codePointAt(i)!));
    if (letterOrDigit) {
      count++;
      counted = true;
    }
  }
  return count;
}

/** Opening quotation marks and the closers they pair with. */
export const QUOTE_PAIRS: Record<string, string> = {
  '«': '»',
  '“': '”',
  '"': '"',
  '„': '“',
  '‹': '›',
};
export const OPENING_QUOTES = new Set(Object.keys(QUOTE_PAIRS));
export const CLOSING_QUOTES = new Set(Object.values(QUOTE_PAIRS));
export const isQuoteMark = (t: string): boolean => OPENING_QUOTES.has(t) || CLOSING_QUOTES.has(t);

/**
 * The tokens of a whole text, made once per article; stretches of it are read by binary
 * search instead of tokenising the same words again for every sentence, clause and claim.
 */
export class TokenIndex {
  readonly tokens: Token[];

  constructor(readonly text: string) {
    this.tokens = tokenize(text);
  }

  /** Tokens that lie wholly inside [from, to). */
  slice(from: number, to: number): Token[] {
    const all = this.tokens;
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (all[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < all.length && all[end]!.end <= to) end++;
    return all.slice(lo, end);
  }
}
