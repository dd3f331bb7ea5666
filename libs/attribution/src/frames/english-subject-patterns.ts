import { ENGLISH_AGENTLESS, type EnglishCue } from '../lexicon/english.lexicon';
import { CLOSING_QUOTES } from '../text/tokens';
import {
  contentAfter,
  contentStartOf,
  recipientEnd,
  resumeAfterContent,
} from './english-cue-complement';
import { contentStop } from './english-content-stop';
import { CLAUSE_BREAK, isAdjunctWord } from './english-frames.lexicon';
import { isComma, type EnglishSentence, type Subject } from './english-sentence';
import { droppedSubject, type MentionInfo } from './frame';

/*
 * Frame patterns whose speaker, if any, is the subject before the cue. Each one records the
 * frames it finds and returns the index the sentence loop goes on from, or null when it does
 * not apply and the next pattern should try.
 */

/** Agentless passive: "It was reported that ...", "it has been announced that ..." */
export function agentlessPassive(s: EnglishSentence, i: number): number | null {
  const { tokens, keys, n, input, frames } = s;
  const passiveAt = keys[i - 1] === 'been' ? i - 2 : i - 1;
  const passive =
    ['was', 'is', 'has', 'had', 'have'].includes(keys[passiveAt] ?? '') &&
    (keys[passiveAt - 1] === 'it' || keys[passiveAt] === 'has' || keys[passiveAt] === 'had');
  if (!passive) return null;
  // "Drones flew low over the valley, it was reported."
  if (
    keys[passiveAt - 1] === 'it' &&
    isComma(tokens[passiveAt - 2]) &&
    (i + 1 >= n || tokens[i + 1]!.text === '.')
  ) {
    const frame = s.finalFrame(passiveAt - 1, i, i + 1, [], true);
    if (frame) {
      frames.push({ ...frame, agentless: true });
      return n;
    }
  }
  if (keys[i + 1] !== 'that' || !tokens[i + 2] || keys[passiveAt - 1] !== 'it') return null;
  const t = tokens[i]!;
  const cs = tokens[i + 2]!.start;
  frames.push({
    cueStart: t.start,
    cueEnd: t.end,
    speakers: [],
    via: [],
    contentStart: cs,
    contentEnd: contentStop(input.text, cs, input.end),
    apparatus: [{ start: tokens[passiveAt - 1]!.start, end: cs }],
    agentless: true,
  });
  return i + 1;
}

/** A second verb of the same subject: "the army said ..., and claimed that ..." */
export function coordinatedVerb(s: EnglishSentence, i: number, cue: EnglishCue): number | null {
  const { tokens, keys, input, frames } = s;
  const t = tokens[i]!;
  const prevFrame = frames[frames.length - 1];
  const goesOn =
    keys[i - 1] === 'and' &&
    prevFrame &&
    prevFrame.speakers.length > 0 &&
    prevFrame.contentEnd > t.start &&
    !prevFrame.quoteBound;
  if (!goesOn) return null;
  const c = contentAfter(s, i, cue);
  if (!c) return null;
  const cs = contentStartOf(s, c);
  const andStart = isComma(tokens[i - 2]) ? tokens[i - 2]!.start : tokens[i - 1]!.start;
  frames.push({
    cueStart: t.start,
    cueEnd: t.end,
    speakers: [droppedSubject(t.start)],
    via: [],
    continues: prevFrame,
    contentStart: cs,
    contentEnd: c.quote ? c.quote.end : input.end,
    apparatus: [{ start: andStart, end: cs }],
    quoteBound: Boolean(c.quote),
  });
  return resumeAfterContent(s, c);
}

/** The subject of a cue at `i` with a subject first: "X said (that) ...", "..., X said." */
export function subjectFirst(s: EnglishSentence, i: number, cue: EnglishCue): number {
  const { keys } = s;
  const floor = subjectFloor(s, i);
  const sub = s.subjectBefore(i, floor);
  if (!sub) return i;
  let speakers = s.phrase(sub.start, sub.end);
  let agentless = agentlessSubject(s, i, sub);
  if (keys[i - 1] === 'was' || keys[i - 1] === 'been' || keys[i - 1] === 'is') {
    // passive: "it was reported that" (agentless); "X was quoted" handled above
    if (keys[sub.start] === 'it' || agentless) agentless = true;
    else return i;
  }
  if (!agentless && speakers.length === 0) return i;
  if (agentless) speakers = [];
  if (sub.anonymous) for (const m of speakers) m.anonymous = true;
  return (
    finalAfterSubject(s, i, sub, speakers, agentless) ??
    contentAfterSubject(s, i, cue, sub, floor, speakers, agentless)
  );
}

/** How far back a subject may reach: not into the content of the frame before it. */
function subjectFloor(s: EnglishSentence, i: number): number {
  const { tokens, keys, n } = s;
  const prev = s.frames[s.frames.length - 1];
  if (!prev) return 0;
  if (prev.contentEnd > tokens[i]!.start && !prev.quoteBound) {
    // "the army said ..., whereas the group said ...": a new subject after a clause break
    let b = i - 1;
    while (b > 0 && tokens[b]!.start > prev.contentStart && !CLAUSE_BREAK.has(keys[b]!)) b--;
    return CLAUSE_BREAK.has(keys[b]!) ? b + 1 : n;
  }
  const k = tokens.findIndex((x) => x.start >= prev.contentEnd);
  return k < 0 ? n : Math.max(0, Math.min(k, i));
}

/** A subject that names no speaker: "reports said", "it was reported", "there were claims". */
function agentlessSubject(s: EnglishSentence, i: number, sub: Subject): boolean {
  const { keys } = s;
  const subjectTokens = s.tokens.slice(sub.start, sub.end).filter((x) => x.word);
  if (
    subjectTokens.length === 1 &&
    ENGLISH_AGENTLESS.has(subjectTokens[0]!.key) &&
    !/^[A-Z]/.test(subjectTokens[0]!.text.slice(1))
  ) {
    if (
      subjectTokens[0]!.key === 'it' || subjectTokens[0]!.key === 'there'
        ? ['was', 'is', 'has', 'been', 'had'].includes(keys[i - 1]!)
        : true
    ) {
      return subjectTokens[0]!.key !== 'it' || ['was', 'is', 'been'].includes(keys[i - 1]!);
    }
  }
  return false;
}

/** Sentence-final with the subject first: "..., X said." / "“...,” she said on Monday." */
function finalAfterSubject(
  s: EnglishSentence,
  i: number,
  sub: Subject,
  speakers: MentionInfo[],
  agentless: boolean,
): number | null {
  const { tokens, keys, n } = s;
  const beforeSubject = tokens[sub.start - 1];
  if (
    !beforeSubject ||
    !(
      isComma(beforeSubject) ||
      CLOSING_QUOTES.has(beforeSubject.text) ||
      beforeSubject.text === '"'
    ) ||
    sub.start <= 1
  )
    return null;
  // what follows the cue up to the full stop is only an adjunct: "on Monday", "told AFP
  // by telephone"; "the army said naval units had ..." is not a final attribution
  let e = i + 1;
  if (keys[i] === 'told') e = recipientEnd(s, e);
  while (e < n && e - i < 10 && tokens[e]!.word && isAdjunctWord(tokens[e]!)) e++;
  const citing = keys[e] === 'citing' || (isComma(tokens[e]) && keys[e + 1] === 'citing');
  const onlyAdjunct =
    e >= n || tokens[e]!.text === '.' || citing || (isComma(tokens[e]) && keys[e + 1] !== 'that');
  if (!onlyAdjunct) return null;
  const frame = s.finalFrame(sub.start, i, e, speakers, agentless);
  if (!frame) return null;
  s.frames.push(frame);
  return e - 1;
}

/** "X reported, citing Y, that ..." / "X said (that) ..." */
function contentAfterSubject(
  s: EnglishSentence,
  i: number,
  cue: EnglishCue,
  sub: Subject,
  floor: number,
  speakers: MentionInfo[],
  agentless: boolean,
): number {
  const { tokens, keys, input } = s;
  let via: MentionInfo[] = [];
  let j = i;
  if ((isComma(tokens[i + 1]) && keys[i + 2] === 'citing') || keys[i + 1] === 'citing') {
    const cited = s.cited(keys[i + 1] === 'citing' ? i + 2 : i + 3);
    if (cited.mentions.length) {
      via = speakers;
      speakers = cited.mentions;
      j = cited.end - 1;
    }
  }
  const c = contentAfter(s, j, cue);
  if (!c) return i;
  via.push(...c.via);
  const cs = contentStartOf(s, c);
  s.frames.push({
    cueStart: tokens[i]!.start,
    cueEnd: tokens[i]!.end,
    speakers,
    via,
    contentStart: cs,
    contentEnd: c.quote ? c.quote.end : contentStop(input.text, cs, input.end),
    apparatus: [{ start: tokens[s.leadIn(sub.start, floor)]!.start, end: cs }],
    quoteBound: Boolean(c.quote),
    agentless,
  });
  return resumeAfterContent(s, c);
}
