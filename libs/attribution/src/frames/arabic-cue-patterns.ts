import { arabicCue, arabicStems, type ArabicCueForm } from '../lexicon/arabic-index';
import { complementAt, anonymityAt } from './arabic-complement';
import { speakersOrDocument } from './arabic-cue-speakers';
import {
  AGENTLESS,
  CLAUSE_LINKS,
  CLAUSE_OPENERS,
  CONTRAST,
  MAX_GAP,
  NEGATION,
  RELATIVE,
  RELATIVE_BEFORE_CUE,
} from './arabic-frames.lexicon';
import { parseArabicSpeakers } from './arabic-noun-phrase';
import { isComplementiser } from './arabic-phrase-context';
import type { ArabicSentence } from './arabic-sentence';
import { droppedSubject, type MentionInfo } from './frame';

/*
 * Frame patterns anchored on a cue verb or participle. Each one records the frames it finds
 * and returns the index the sentence loop goes on from, or null when it does not apply.
 */

type Cue = ArabicCueForm & { prefix: string };

/** Whether the cue at `i` opens a new clause, where a frame may start inside reported content. */
function opensClause(s: ArabicSentence, i: number, cue: Cue): boolean {
  const { tokens, keys } = s;
  // after a comma, «و», «فيما», «غير أنه», «لكنه»
  return (
    i === 0 ||
    tokens[i - 1]!.text === '،' ||
    tokens[i - 1]!.text === ',' ||
    cue.prefix !== '' ||
    CLAUSE_LINKS.has(keys[i - 1]!) ||
    (isComplementiser(keys[i - 1]) && CONTRAST.has(keys[i - 2] ?? ''))
  );
}

/** The cue at `i` if it may start a frame there, and whether it opens a clause. */
export function cueAt(s: ArabicSentence, i: number): { cue: Cue; afterComma: boolean } | null {
  const t = s.tokens[i]!;
  const cue = arabicCue(t.key);
  if (!cue) return null;
  const prevKey = s.keys[i - 1];
  if (prevKey && (RELATIVE_BEFORE_CUE.has(prevKey) || NEGATION.has(prevKey))) return null;
  const afterComma = opensClause(s, i, cue);
  if (t.start < s.blockedUntil && cue.role !== 'participle' && !afterComma) return null;
  return { cue, afterComma };
}

const cueSurface = (s: ArabicSentence, i: number, cue: Cue) => ({
  start: s.tokens[i]!.start + cue.prefix.length,
  end: s.tokens[i]!.end,
});

/** A participle that goes on from the frame before: «مبيناً أنه», «مشيرة إلى أن». */
export function participle(s: ArabicSentence, i: number, cue: Cue): number | null {
  if (cue.role !== 'participle') return null;
  const t = s.tokens[i]!;
  const c = complementAt(s.ctx, i + 1, cue, s.input.quotes);
  if (!c) return i;
  const content = s.contentOf(c);
  if (!content) return i;
  const surface = cueSurface(s, i, cue);
  const prevFrame = s.frames[s.frames.length - 1];
  s.pushFrame({
    cueStart: surface.start,
    cueEnd: surface.end,
    speakers: [droppedSubject(t.start, cue.number, cue.gender)],
    via: [],
    ...content,
    apparatus: [{ start: t.start, end: content.contentStart }],
    agentless: prevFrame?.agentless,
    continues: prevFrame,
  });
  return content.quoteBound ? i : c.contentToken - 1;
}

/** Present-tense impersonal «ويذكر أن», «يشار إلى أن»: the outlet's own voice, no frame. */
export function impersonal(s: ArabicSentence, i: number, cue: Cue): number | null {
  return cue.role === 'present' &&
    cue.gender === 'm' &&
    complementAt(s.ctx, i + 1, cue, s.input.quotes) &&
    i <= 1
    ? i
    : null;
}

/** Who a verb-first cue names after it, up to token `end`. */
interface AfterCue {
  speakers: MentionInfo[];
  via: MentionInfo[];
  agentless: boolean;
  end: number;
}

/** The subject after the cue: a relay («نقلت صحيفة X عن Y»), an agentless noun, or speakers. */
function speakersAfterCue(s: ArabicSentence, i: number, cue: Cue): AfterCue | null {
  const { tokens, keys, ctx } = s;
  const speakers: MentionInfo[] = [];
  const via: MentionInfo[] = [];
  let agentless = false;
  let j = i + 1;
  if (cue.lemma.relay) {
    // «نقلت صحيفة X عن Y (قوله) إن ...»
    const x = keys[j] === 'عن' ? null : parseArabicSpeakers(ctx, j);
    const an = x ? x.end : j;
    if (keys[an] !== 'عن') return null;
    const y = parseArabicSpeakers(ctx, an + 1);
    if (!y) return null;
    if (x) via.push(...x.mentions);
    speakers.push(...y.mentions);
    j = y.end;
  } else if (
    AGENTLESS.has(arabicStems(keys[j] ?? '')[0]!.stem) ||
    AGENTLESS.has(keys[j]?.replace(/^ال/, '') ?? '')
  ) {
    agentless = true;
    j++;
  } else if (!complementAt(ctx, j, cue, s.input.quotes) && tokens[j]?.word) {
    const sp = speakersOrDocument(ctx, j);
    if (sp) {
      speakers.push(...sp.mentions);
      agentless = sp.agentless;
      j = sp.end;
    }
  }
  return { speakers, via, agentless, end: j };
}

/** Quote-first: «"..."، قال X، مضيفاً أن ...» — the quotation before the cue is the content. */
function quoteFirst(s: ArabicSentence, i: number, cue: Cue, after: AfterCue): number | null {
  const { tokens, keys } = s;
  const { speakers, via, end: j } = after;
  const quote = s.quoteBeforeCue(i);
  if (!quote || speakers.length === 0 || cue.lemma.relay) return null;
  let k = j;
  while (k < tokens.length && k - j < MAX_GAP) {
    const x = tokens[k]!;
    if (x.text === '.' || x.text === '؟') break;
    if (isComplementiser(x.key)) break;
    const pc = arabicCue(x.key);
    if (pc && pc.role === 'participle') break;
    k++;
  }
  if (tokens[k] && isComplementiser(tokens[k]!.key)) return null;
  s.findComplement(j, cue, speakers, via); // recipients and anonymity in the tail
  const anonymous = tokens.slice(j, k).some((_, d) => anonymityAt(keys, j + d) > 0);
  if (anonymous) for (const m of speakers) m.anonymous = true;
  const tailEnd = tokens[k] ? tokens[k]!.start : s.input.end;
  const surface = cueSurface(s, i, cue);
  s.frames.push({
    cueStart: surface.start,
    cueEnd: surface.end,
    speakers,
    via,
    contentStart: quote.start,
    contentEnd: quote.end,
    apparatus: [{ start: tokens[i]!.start, end: tailEnd }],
    quoteBound: true,
  });
  // the content lies before the cue, so what follows it is open to new frames
  s.blockedUntil = -1;
  return k - 1;
}

/**
 * Subject-first: «بغداد أكدت أنها», «صحيفة اميريكة تكشف إن», «الوزارة، التي ...، قالت».
 * Returns the subject's mentions and where it starts.
 */
function subjectBeforeCue(
  s: ArabicSentence,
  i: number,
): { mentions: MentionInfo[]; start: number } | null {
  const { tokens, keys, ctx } = s;
  let cs = i - 1;
  while (
    cs >= 0 &&
    tokens[cs]!.text !== '،' &&
    tokens[cs]!.text !== ',' &&
    tokens[cs]!.text !== ':' &&
    tokens[cs]!.text !== '؛'
  )
    cs--;
  let end = i;
  if (keys[end - 1] === 'قد') end--;
  // «واشنطن من جهتها حذرت», «الوزارة بدورها أكدت»
  if (/^جهت(?:ه|ها|هم|هما)$/.test(keys[end - 1] ?? '') && keys[end - 2] === 'من') end -= 2;
  else if (/^بدور(?:ه|ها|هم|هما)$/.test(keys[end - 1] ?? '')) end--;
  // «X، الذي ...، قال»: skip back over the relative clause
  if (cs >= 0 && i - 1 === cs) {
    let r = cs - 1;
    while (r >= 0 && !RELATIVE.has(keys[r]!)) r--;
    // only a relative clause that closes right before the cue, with no reporting of its own
    const clause = keys.slice(r + 1, cs);
    const plain =
      r > 0 &&
      cs - r < 16 &&
      !clause.some((k) => isComplementiser(k) || arabicCue(k) !== undefined);
    if (plain && tokens[r - 1]!.text === '،') {
      end = r - 1;
      cs = r - 2;
      while (cs >= 0 && tokens[cs]!.text !== '،' && tokens[cs]!.text !== ',') cs--;
    }
  }
  let from = cs + 1;
  while (from < end && CLAUSE_OPENERS.has(keys[from]!)) from++;
  if (from >= end) return null;
  const sub = parseArabicSpeakers({ ...ctx, limit: end }, from);
  if (!sub || !(sub.end === end || (sub.end === end - 1 && tokens[end - 1]!.word))) return null;
  const ms = sub.mentions;
  if (sub.end === end - 1) ms[ms.length - 1]!.end = tokens[end - 1]!.end;
  return { mentions: ms, start: tokens[from]!.start };
}

/** Verb-first «وقال X إن», or subject-first, or with the subject left out («وأضاف أن»). */
export function verbFrame(s: ArabicSentence, i: number, cue: Cue, afterComma: boolean): number {
  const { tokens, keys } = s;
  const t = tokens[i]!;
  const after = speakersAfterCue(s, i, cue);
  if (!after) return i;
  const quoted = quoteFirst(s, i, cue, after);
  if (quoted !== null) return quoted;
  const { speakers, via, agentless } = after;
  const found = s.findComplement(after.end, cue, speakers, via);
  if (!found) return i;
  if (found.anonymous) for (const m of speakers) m.anonymous = true;

  let subjectStart = -1;
  // «غير أنه نبه»: the cue follows a complementiser, so its subject is the one before
  if (speakers.length === 0 && !agentless && !isComplementiser(keys[i - 1])) {
    const sub = subjectBeforeCue(s, i);
    if (sub) {
      speakers.push(...sub.mentions);
      subjectStart = sub.start;
    }
    if (
      speakers.length === 0 &&
      i > 1 &&
      !afterComma &&
      t.start >= s.blockedUntil &&
      tokens.slice(0, i).some((x) => x.word) &&
      cue.prefix === ''
    )
      return i; // a cue in the middle of a clause with no subject: not a reporting frame
  }
  if (speakers.length === 0 && !agentless) {
    speakers.push(droppedSubject(t.start, cue.number, cue.gender));
  }

  const content = s.contentOf(found.complement);
  if (!content) return i;
  const surface = cueSurface(s, i, cue);
  s.pushFrame({
    cueStart: surface.start,
    cueEnd: surface.end,
    speakers: agentless ? [] : speakers,
    via: via.filter((v) => !speakers.includes(v)),
    ...content,
    apparatus: [{ start: subjectStart >= 0 ? subjectStart : t.start, end: content.contentStart }],
    agentless,
  });
  return content.quoteBound ? s.resumeAfter(content.contentEnd) : found.complement.contentToken - 1;
}
