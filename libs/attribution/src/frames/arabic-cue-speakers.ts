import { arabicModifier, arabicStems } from '../lexicon/arabic-index';
import { DOCUMENTS } from './arabic-frames.lexicon';
import { parseArabicSpeakers } from './arabic-noun-phrase';
import type { ArabicPhraseContext } from './arabic-phrase-context';
import type { MentionInfo } from './frame';

/** A token list with one token's leading clitic removed («لوزارة» → «وزارة»). */
export function stripClitic(ctx: ArabicPhraseContext, i: number, n: number): ArabicPhraseContext {
  const tokens = ctx.tokens.slice();
  const keys = ctx.keys.slice();
  const t = tokens[i]!;
  tokens[i] = { ...t, text: t.text.slice(n), start: t.start + n, key: t.key.slice(n) };
  keys[i] = tokens[i].key;
  return { ...ctx, tokens, keys };
}

/** «للجيش» → «الجيش»: the preposition ل merged with the article. */
export function stripLamAlef(ctx: ArabicPhraseContext, i: number): ArabicPhraseContext {
  const tokens = ctx.tokens.slice();
  const keys = ctx.keys.slice();
  const t = tokens[i]!;
  tokens[i] = { ...t, text: t.text.slice(1), start: t.start + 1, key: 'ا' + t.key.slice(1) };
  keys[i] = tokens[i].key;
  return { ...ctx, tokens, keys };
}

/** «لـ X», «لصحيفة X», «لوكالة X»: the phrase a cue addresses, parsed as speakers. */
export function recipientAt(
  ctx: ArabicPhraseContext,
  i: number,
): { mentions: MentionInfo[]; end: number } | null {
  const t = ctx.tokens[i];
  if (!t || !t.word || !t.key.startsWith('ل')) return null;
  if (t.key === 'ل') return parseArabicSpeakers(ctx, i + 1);
  if (t.key.startsWith('لل')) return parseArabicSpeakers(stripLamAlef(ctx, i), i);
  return parseArabicSpeakers(stripClitic(ctx, i, 1), i);
}

/**
 * Speakers at `j`, reading a document as its author («بيانات الجهاز المركزي» → the agency);
 * a document with no author is agentless speech («أفاد بلاغ بأن»).
 */
export function speakersOrDocument(
  ctx: ArabicPhraseContext,
  j: number,
): { mentions: MentionInfo[]; end: number; agentless: boolean } | null {
  const k = ctx.keys[j];
  const stem = k ? arabicStems(k).find((x) => DOCUMENTS.has(x.stem))?.stem : undefined;
  if (k && stem) {
    let o = j + 1;
    while (ctx.tokens[o]?.word && arabicModifier(ctx.keys[o]!) && o - j < 3) o++;
    // «حصيلة أعدتها وكالة فرانس برس», «تقرير نشرته الأمم المتحدة»
    if (/^(?:اعدت|نشرت|اصدرت|اوردت|جمعت|اعد|نشر|اصدر)(?:ه|ها)$/.test(ctx.keys[o] ?? '')) o++;
    const owner = ctx.keys[o]?.startsWith('ل')
      ? recipientAt(ctx, o)
      : ctx.tokens[o]?.word
        ? parseArabicSpeakers(ctx, o)
        : null;
    if (owner && owner.mentions.length > 0) return { ...owner, agentless: false };
    return { mentions: [], end: j + 1, agentless: true };
  }
  const sp = parseArabicSpeakers(ctx, j);
  return sp ? { ...sp, agentless: false } : null;
}
