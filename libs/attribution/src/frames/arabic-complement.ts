import type { ArabicCueForm } from '../lexicon/arabic-index';
import { ARABIC_COMPLEMENT_PREPOSITIONS } from '../lexicon/arabic.lexicon';
import type { QuoteRegion } from '../text/quotes';
import { OPENING_QUOTES } from '../text/tokens';
import { ANONYMITY, NAME_WORD, phraseAt, SAYING, WITHHOLDING } from './arabic-frames.lexicon';
import { isComplementiser, type ArabicPhraseContext } from './arabic-phrase-context';

/** Tokens an anonymity clause at `k` covers (0 when there is none). */
export function anonymityAt(keys: readonly string[], k: number): number {
  const p = ANONYMITY.find((x) => phraseAt(keys, k, x));
  const w = keys[k]?.replace(/^و/, '') ?? '';
  if (WITHHOLDING.has(w) || (keys[k] === 'لم' && WITHHOLDING.has(keys[k + 1] ?? ''))) {
    for (let j = k + 1; j < keys.length && j - k < 7; j++)
      if (NAME_WORD.test(keys[j]!)) return j - k + 1;
  }
  return p ? p.length : 0;
}

export interface Complement {
  /** Token index where the content starts. */
  contentToken: number;
  /** Character offset where the content starts (inside a token for «بـ»). */
  contentStart?: number;
  quote?: QuoteRegion;
}

/** Looks at token `k` for what introduces the content of a cue. */
export function complementAt(
  ctx: ArabicPhraseContext,
  k: number,
  cue: ArabicCueForm,
  quotes: readonly QuoteRegion[],
): Complement | null {
  const t = ctx.tokens[k];
  if (!t) return null;
  if (isComplementiser(t.key)) return { contentToken: k + 1 };
  if (t.text === ':') {
    const next = ctx.tokens[k + 1];
    const q =
      next && OPENING_QUOTES.has(next.text)
        ? quotes.find((r) => r.start === next.start)
        : undefined;
    return q ? { contentToken: k + 1, quote: q } : { contentToken: k + 1 };
  }
  if (OPENING_QUOTES.has(t.text)) {
    const q = quotes.find((r) => r.start === t.start);
    if (q && (q.words >= 3 || !q.closed)) return { contentToken: k, quote: q };
    return null;
  }
  if (SAYING.has(t.key)) return complementAt(ctx, k + 1, cue, quotes) ?? { contentToken: k + 1 };
  for (const c of cue.lemma.complements ?? []) {
    for (const prep of ARABIC_COMPLEMENT_PREPOSITIONS[c]) {
      if (t.key === prep && isComplementiser(ctx.keys[k + 1])) return { contentToken: k + 2 };
      if (
        t.key === prep &&
        (cue.lemma.directive || (c === 'about' && !cue.lemma.strict)) &&
        ctx.tokens[k + 1]?.word
      )
        return { contentToken: k + 1 };
    }
    if (c === 'with' && t.key.startsWith('ب') && t.key.length > 3) {
      if (isComplementiser(t.key)) return { contentToken: k + 1 };
      if (cue.lemma.directive) return { contentToken: k, contentStart: t.start + 1 };
    }
  }
  if (
    (t.key === 'من' || t.key === 'عن' || t.key === 'الي' || t.key === 'علي') &&
    isComplementiser(ctx.keys[k + 1])
  )
    return { contentToken: k + 2 };
  return null;
}
