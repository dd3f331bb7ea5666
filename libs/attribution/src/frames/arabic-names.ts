import { arabicCue, arabicHead, arabicModifier } from '../lexicon/arabic-index';
import { isQuoteMark } from '../text/tokens';
import { TITLES } from './arabic-noun-phrase.lexicon';
import {
  closeQuotes,
  gazetteerAt,
  isBoundary,
  isComplementiser,
  nationalityAt,
  type ArabicPhraseContext,
  type PhraseResult,
} from './arabic-phrase-context';

/** Name words: up to four, until a boundary. */
export function nameRun(ctx: ArabicPhraseContext, i: number, allowDefiniteFirst: boolean): number {
  let j = i;
  while (j < ctx.limit && j - i < 4 && !isBoundary(ctx, j)) {
    const k = ctx.keys[j]!;
    if (j === i && !allowDefiniteFirst && k.startsWith('ال')) break;
    if (j > i && (arabicHead(k) || nationalityAt(ctx, j) || arabicModifier(k))) break;
    if (
      k.startsWith('و') &&
      (arabicHead(k.slice(1)) || gazetteerAt(ctx, j) || nationalityAt(ctx, j))
    )
      break;
    j++;
  }
  return j;
}

/** The index after any titles at `i` («د.», «اللواء الركن»). */
export function skipTitles(ctx: ArabicPhraseContext, i: number): number {
  let j = i;
  while (j < ctx.limit && ctx.tokens[j]?.word && TITLES.has(ctx.keys[j]!)) {
    j++;
    if (ctx.tokens[j]?.text === '.') j++;
    if (ctx.keys[j] === 'الركن') j++;
  }
  return j;
}

/**
 * Looks ahead for a title and the name after it, across an affiliation
 * («الوكيل المساعد لشؤون الأدوية د. ناصر البذالي», «أستاذ ... بجامعة القاهرة د. سامح»).
 */
export function titledNameAhead(
  ctx: ArabicPhraseContext,
  i: number,
): { start: number; end: number } | null {
  for (let j = i; j < ctx.limit && j - i < 9; j++) {
    const t = ctx.tokens[j]!;
    if (!t.word && !isQuoteMark(t.text)) return null;
    if (
      t.word &&
      (isComplementiser(t.key) || arabicCue(t.key) || t.key === 'الذي' || t.key === 'التي')
    )
      return null;
    if (t.word && TITLES.has(t.key)) {
      const n0 = skipTitles(ctx, j);
      const n = nameRun(ctx, n0, true);
      return n > n0 ? { start: n0, end: n } : null;
    }
  }
  return null;
}

/**
 * A person's name at `q`, with or without a title: «وقال محمد الحلبوسي إن», «قال د. ناصر
 * البذالي». The phrase began at `start`, before any opening quote marks.
 */
export function parseName(ctx: ArabicPhraseContext, start: number, q: number): PhraseResult | null {
  const tok = ctx.tokens[q]!;
  // an appositive after the name gives its role: «م. يوسف العلمي، مدير مشاريع الغاز»
  const roleAfter = (to: number) => {
    const h = ctx.tokens[to]?.text === '،' ? arabicHead(ctx.keys[to + 1] ?? '') : undefined;
    return h && !h.head.institution ? h.head : undefined;
  };
  const named = (from: number, to: number): PhraseResult => ({
    end: closeQuotes(ctx, to, q > start),
    mentions: [
      {
        start: tok.start,
        end: ctx.tokens[to - 1]!.end,
        form: 'named',
        name: { start: ctx.tokens[from]!.start, end: ctx.tokens[to - 1]!.end },
        head: roleAfter(to),
        modifiers: [],
        number: 'sg',
      },
    ],
  });
  const afterTitle = skipTitles(ctx, q);
  if (afterTitle > q) {
    const n = nameRun(ctx, afterTitle, true);
    return n > afterTitle ? named(afterTitle, n) : null;
  }
  if (tok.key.startsWith('ال') || isBoundary(ctx, q)) {
    if (isBoundary(ctx, q)) return null;
    // an unknown title before a titled name: «الوكيل المساعد ... د. ناصر البذالي»
    const titled = titledNameAhead(ctx, q);
    if (titled) return named(titled.start, titled.end);
    // a descriptor before a name: «الحقوقية هدى الزين»
    const n = nameRun(ctx, q + 1, false);
    if (n >= q + 3) return named(q + 1, n);
    // a surname alone right before the complementiser: «وأكد الكناني أن»
    const next = ctx.tokens[q + 1];
    if (next && (isComplementiser(next.key) || next.text === ':' || next.text === '،'))
      return named(q, q + 1);
    return null;
  }
  const n = nameRun(ctx, q, false);
  if (n === q) return null;
  return named(q, n);
}
