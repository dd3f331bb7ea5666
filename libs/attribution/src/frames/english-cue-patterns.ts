import type { EnglishCue } from '../lexicon/english.lexicon';
import { CLOSING_QUOTES } from '../text/tokens';
import { contentAfter, contentStartOf, resumeAfterContent } from './english-cue-complement';
import { contentStop } from './english-content-stop';
import { isComma, type EnglishSentence } from './english-sentence';
import { droppedSubject, isOutletMention, type MentionInfo } from './frame';

/*
 * Frame patterns anchored on the cue itself or on a fixed phrase. Each one records the frames
 * it finds and returns the index the sentence loop goes on from, or null when it does not
 * apply and the next pattern should try.
 */

/** "according to X", "according to a report by X citing Y" */
export function accordingTo(s: EnglishSentence, i: number): number | null {
  const { tokens, keys, n, input, frames } = s;
  if (keys[i] !== 'according' || keys[i + 1] !== 'to') return null;
  const t = tokens[i]!;
  let e = s.phraseEnd(i + 2);
  let sp = s.speakersOf(i + 2, e);
  if (sp.length === 0) return i;
  let via: MentionInfo[] = [];
  const citingAt =
    keys[e] === 'citing' ? e : isComma(tokens[e]) && keys[e + 1] === 'citing' ? e + 1 : -1;
  if (citingAt >= 0) {
    const ce = s.phraseEnd(citingAt + 1);
    const cited = s.speakersOf(citingAt + 1, ce);
    if (cited.length) {
      via = sp.filter(isOutletMention);
      sp = cited;
      e = ce;
    }
  }
  const before = tokens.slice(0, i).filter((x) => x.word);
  if (before.length === 0) {
    let c = e;
    while (c < n && !tokens[c]!.word) c++;
    if (c < n)
      frames.push({
        cueStart: t.start,
        cueEnd: tokens[i + 1]!.end,
        speakers: sp,
        via,
        contentStart: tokens[c]!.start,
        contentEnd: contentStop(input.text, tokens[c]!.start, input.end),
        apparatus: [{ start: t.start, end: tokens[c]!.start }],
      });
    return c - 1;
  }
  const prev = frames[frames.length - 1];
  const from = prev ? prev.contentEnd : input.start;
  const q = input.quotes.find(
    (x) => x.end <= t.start && x.start >= from && /^[\s,]*$/.test(input.text.slice(x.end, t.start)),
  );
  // an appositive after the source belongs to the attribution: ", a harbour official."
  let tail = e;
  if (isComma(tokens[e]) && tokens[e + 1] && /^[a-z]/.test(tokens[e + 1]!.text)) {
    tail = e + 1;
    while (tail < n && tokens[tail]!.text !== '.' && !isComma(tokens[tail])) tail++;
  }
  frames.push({
    cueStart: t.start,
    cueEnd: tokens[i + 1]!.end,
    speakers: sp,
    via,
    contentStart: q ? q.start : Math.min(from, t.start),
    contentEnd: q ? q.end : t.start,
    apparatus: [{ start: t.start, end: tokens[tail - 1]?.end ?? t.end }],
    quoteBound: Boolean(q),
  });
  return tail - 1;
}

/** "..., with Foreign Ministry spokesman Hamid Rezaei saying Iran ..." */
export function withSaying(s: EnglishSentence, i: number, cue: EnglishCue): number | null {
  const { tokens, keys, input, frames } = s;
  if (!cue.participle || keys[i] !== 'saying') return null;
  const t = tokens[i]!;
  let w = i - 1;
  while (w > 0 && i - w < 9 && keys[w] !== 'with' && tokens[w]!.word) w--;
  const c = keys[w] === 'with' ? contentAfter(s, i, cue) : null;
  const speakers = c ? s.phrase(w + 1, i) : [];
  if (!c || speakers.length === 0 || speakers[0]!.form === 'pronoun') return null;
  const cs = contentStartOf(s, c);
  frames.push({
    cueStart: t.start,
    cueEnd: t.end,
    speakers,
    via: [],
    contentStart: cs,
    contentEnd: c.quote ? c.quote.end : contentStop(input.text, cs, input.end),
    apparatus: [{ start: (isComma(tokens[w - 1]) ? tokens[w - 1]! : tokens[w]!).start, end: cs }],
    quoteBound: Boolean(c.quote),
  });
  return resumeAfterContent(s, c);
}

/** A participle that goes on from the frame before: ", adding that ...", ", saying ..." */
export function participleContinuation(
  s: EnglishSentence,
  i: number,
  cue: EnglishCue,
): number | null {
  const { tokens, input, frames } = s;
  if (!cue.participle) return null;
  if (
    !isComma(tokens[i - 1]) &&
    !(CLOSING_QUOTES.has(tokens[i - 1]?.text ?? '') && isComma(tokens[i - 2]))
  )
    return i;
  const c = contentAfter(s, i, cue);
  if (!c) return i;
  const t = tokens[i]!;
  const prev = s.lastFrame();
  const cs = contentStartOf(s, c);
  frames.push({
    cueStart: t.start,
    cueEnd: t.end,
    speakers: [droppedSubject(t.start)],
    via: [],
    continues: prev,
    contentStart: cs,
    contentEnd: c.quote ? c.quote.end : input.end,
    apparatus: [{ start: tokens[i - 1]!.start, end: cs }],
    quoteBound: Boolean(c.quote),
    agentless: prev?.agentless,
  });
  return c.quote ? i : c.token - 1;
}

/** "X quoted Y as saying (that) ..." */
export function quotedAsSaying(s: EnglishSentence, i: number, cue: EnglishCue): number | null {
  const { tokens, keys, n, input, frames } = s;
  if (cue.lemma !== 'quote') return null;
  const sub = s.subjectBefore(i, 0);
  let e = i + 1;
  while (e < n && keys[e] !== 'as' && e - i < 10) e++;
  if (keys[e] !== 'as' || keys[e + 1] !== 'saying' || !sub) return i;
  const y = s.phrase(i + 1, e);
  const x = s.phrase(sub.start, sub.end);
  const k =
    keys[e + 2] === 'that' || tokens[e + 2]?.text === ':' || tokens[e + 2]?.text === ','
      ? e + 3
      : e + 2;
  if (!y.length || k >= n) return i;
  const q = input.quotes.find((r) => r.start === tokens[k]!.start);
  frames.push({
    cueStart: tokens[i]!.start,
    cueEnd: tokens[e + 1]!.end,
    speakers: y,
    via: x.filter(isOutletMention), // a spokesman quoting a minister is not a relay
    contentStart: q ? q.start : tokens[k]!.start,
    contentEnd: q ? q.end : input.end,
    apparatus: [{ start: tokens[sub.start]!.start, end: tokens[k]!.start }],
    quoteBound: Boolean(q),
  });
  return k - 1;
}

/** Inverted, sentence-final: "..., said X." / "“...,” said X, the ..." */
export function invertedSaid(s: EnglishSentence, i: number, cue: EnglishCue): number | null {
  const { tokens, keys, n } = s;
  const prevTok = tokens[i - 1];
  const afterQuoteOrComma =
    prevTok && (isComma(prevTok) || CLOSING_QUOTES.has(prevTok.text) || prevTok.text === '"');
  if (!afterQuoteOrComma || i <= 1 || cue.lemma === 'tell') return null;
  const e = s.phraseEnd(i + 1);
  const speakers = e > i + 1 ? s.phrase(i + 1, e) : [];
  const restIsApposition =
    e >= n ||
    isComma(tokens[e]) ||
    tokens[e]!.text === '.' ||
    keys[e] === 'on' ||
    keys[e] === 'in' ||
    keys[e] === 'at' ||
    keys[e] === 'citing' ||
    keys[e] === 'who';
  if (speakers.length === 0 || !restIsApposition) return null;
  const frame = s.finalFrame(i, i, e, speakers);
  if (!frame) return null;
  s.frames.push(frame);
  return n;
}
