import { arabicCue } from '../lexicon/arabic-index';
import { normalizeKey } from '../text/normalizer';
import { speakersOrDocument, stripClitic, stripLamAlef } from './arabic-cue-speakers';
import { ACCORDING_TO, CLAUSE_OPENERS, phraseAt } from './arabic-frames.lexicon';
import type { ArabicPhraseContext } from './arabic-phrase-context';
import type { ArabicSentence } from './arabic-sentence';
import { isOutletMention } from './frame';

/**
 * According-to phrases: «بحسب X», «وفقاً لـ X», «نقلاً عن X», «حسبما أفاد X». Returns the index
 * the sentence loop goes on from, or null when there is none at `i` or it names no speaker.
 */
export function accordingTo(s: ArabicSentence, i: number): number | null {
  const { tokens, keys, ctx, input, frames } = s;
  const acc = ACCORDING_TO.find((p) => phraseAt(keys, i, p));
  if (!acc) return null;
  const t = tokens[i]!;
  let j = i + acc.length;
  let c: ArabicPhraseContext = ctx;
  if (
    acc[acc.length - 1] === 'ل' ||
    acc[acc.length - 1]!.endsWith('وفقا') ||
    acc[acc.length - 1]!.endsWith('طبقا')
  ) {
    const nt = tokens[j];
    if (nt?.key === 'ل') j++;
    else if (nt?.key.startsWith('لل')) c = stripLamAlef(ctx, j);
    else if (nt?.key.startsWith('ل')) c = stripClitic(ctx, j, 1);
  }
  // «حسبما أفاد X», «بحسب ما ذكرت X», «وفقاً لما ذكرته وكالة X»
  if (['ما', 'لما'].includes(keys[j] ?? '') && !acc[0]!.endsWith('حسبما')) j++;
  if (acc[0]!.endsWith('حسبما') || ['ما', 'لما'].includes(keys[j - 1] ?? '')) {
    const k = keys[j] ?? '';
    const v = arabicCue(k) ?? arabicCue(k.replace(/(?:ه|ها|هم)$/, ''));
    if (v) j++;
  }
  const sp = speakersOrDocument(c, j);
  if (!sp) return null;
  const before = tokens.slice(0, i).filter((x) => x.word && !CLAUSE_OPENERS.has(x.key));
  const lastFrame = frames[frames.length - 1];
  if (before.length === 0) {
    // fronted: «وبحسب X، فإن ...»
    let k = sp.end;
    while (tokens[k] && !tokens[k]!.word) k++;
    if (tokens[k] && normalizeKey('فإن') === tokens[k]!.key) k++;
    if (!tokens[k]) return i;
    s.pushFrame({
      cueStart: t.start + (acc[0]!.startsWith('و') ? 1 : 0),
      cueEnd: tokens[i + acc.length - 1]!.end,
      speakers: sp.mentions,
      via: [],
      contentStart: tokens[k]!.start,
      contentEnd: input.end,
      apparatus: [{ start: t.start, end: tokens[k]!.start }],
      agentless: sp.agentless,
    });
    return k - 1;
  }
  const from = lastFrame && lastFrame.contentEnd <= t.start ? lastFrame.contentEnd : input.start;
  const quoteBefore = input.quotes.find(
    (q) =>
      q.end <= t.start && q.start >= from && /^[\s،,]*$/.test(input.text.slice(q.end, t.start)),
  );
  if (lastFrame && lastFrame.contentEnd > t.start && !lastFrame.quoteBound) {
    // «قال X إن ...، حسبما أفادت وكالة Y»: the agency relayed X's words
    if (sp.mentions.length > 0 && sp.mentions.every(isOutletMention))
      lastFrame.via.push(...sp.mentions);
    lastFrame.apparatus.push({ start: t.start, end: tokens[sp.end - 1]?.end ?? t.end });
    return sp.end - 1;
  }
  s.pushFrame({
    cueStart: t.start,
    cueEnd: tokens[i + acc.length - 1]!.end,
    speakers: sp.mentions,
    via: [],
    contentStart: quoteBefore ? quoteBefore.start : from,
    contentEnd: quoteBefore ? quoteBefore.end : t.start,
    apparatus: [{ start: t.start, end: tokens[sp.end - 1]?.end ?? t.end }],
    quoteBound: Boolean(quoteBefore),
    agentless: sp.agentless,
  });
  // content before the phrase leaves the rest of the sentence open
  s.blockedUntil = -1;
  return sp.end - 1;
}
