import type { Gazetteer } from '../gazetteer/gazetteer';
import { arabicAdjectiveBases, arabicCue, arabicHead, arabicStems } from '../lexicon/arabic-index';
import { ARABIC_COMPLEMENTISER } from '../lexicon/arabic.lexicon';
import { isQuoteMark, type Token } from '../text/tokens';
import { BOUNDARY } from './arabic-noun-phrase.lexicon';
import type { MentionInfo } from './frame';

export interface ArabicPhraseContext {
  tokens: readonly Token[];
  keys: readonly string[];
  gazetteer: Gazetteer;
  /** First token index past the window the phrase may use. */
  limit: number;
}

export interface PhraseResult {
  mentions: MentionInfo[];
  /** Token index just past the phrase. */
  end: number;
}

export function isComplementiser(key: string | undefined): boolean {
  return key !== undefined && ARABIC_COMPLEMENTISER.test(key);
}

/** A word that cannot be part of a name or description. */
export function isBoundary(ctx: ArabicPhraseContext, i: number): boolean {
  const t = ctx.tokens[i];
  if (!t || !t.word || i >= ctx.limit) return true;
  const k = t.key;
  if (BOUNDARY.has(k) || isComplementiser(k) || arabicCue(k)) return true;
  if (/^\d/.test(k)) return true;
  // «لصحيفة» «للأمم» «لـ»: a recipient or an object, not part of the subject
  if (k === 'ل' || k === 'لـ') return true;
  if (k.startsWith('لل')) return true;
  if (
    k.startsWith('ل') &&
    (arabicHead(k.slice(1)) || ctx.gazetteer.matchAt(ctx.keys, i, k.slice(1)))
  )
    return true;
  return false;
}

export function gazetteerAt(ctx: ArabicPhraseContext, i: number) {
  const t = ctx.tokens[i];
  if (!t || !t.word) return null;
  for (const s of arabicStems(t.key)) {
    if (s.prefix !== '' && s.prefix !== 'و' && s.prefix !== 'ال' && s.prefix !== 'وال') continue;
    const first = s.prefix === 'وال' ? 'ال' + s.stem : s.stem;
    const m =
      ctx.gazetteer.matchAt(ctx.keys, i, first) ??
      (s.prefix === 'ال' || s.prefix === 'وال' ? ctx.gazetteer.matchAt(ctx.keys, i, s.stem) : null);
    if (m && i + m.length <= ctx.limit) return m;
  }
  return null;
}

/** A nationality adjective («الأمريكي», «أميركيون») → its country. */
export function nationalityAt(ctx: ArabicPhraseContext, i: number) {
  const t = ctx.tokens[i];
  if (!t || !t.word) return undefined;
  const key =
    t.key.startsWith('و') && !t.key.startsWith('وال') && t.key.length > 4 ? t.key.slice(1) : t.key;
  for (const base of arabicAdjectiveBases(key)) {
    const c = ctx.gazetteer.demonym(base);
    if (c) return c;
  }
  return undefined;
}

export function skipQuotes(ctx: ArabicPhraseContext, i: number): number {
  while (i < ctx.limit && ctx.tokens[i] && isQuoteMark(ctx.tokens[i]!.text)) i++;
  return i;
}

/** Consumes the closing marks of a name that was opened in quotes («صحيفة “ذا ناشيونال”»). */
export function closeQuotes(ctx: ArabicPhraseContext, i: number, opened: boolean): number {
  let j = i;
  while (opened && j < ctx.limit && ctx.tokens[j] && isQuoteMark(ctx.tokens[j]!.text) && j - i < 2)
    j++;
  return j;
}
