import type { Gazetteer } from '../gazetteer/gazetteer';
import {
  arabicCue,
  arabicModifier,
  arabicStems,
  type ArabicCueForm,
} from '../lexicon/arabic-index';
import {
  ARABIC_ACCORDING_TO,
  ARABIC_AGENTLESS_HEADS,
  ARABIC_ANONYMITY,
  ARABIC_COMPLEMENT_PREPOSITIONS,
} from '../lexicon/arabic.lexicon';
import { normalizeKey } from '../text/normalizer';
import { quoteAt, type QuoteRegion } from '../text/quotes';
import { isQuoteMark, OPENING_QUOTES, tokenize, type Token, type TokenIndex } from '../text/tokens';
import {
  isComplementiser,
  parseArabicSpeakers,
  type ArabicPhraseContext,
} from './arabic-noun-phrase';
import { droppedSubject, type Frame, type MentionInfo } from './frame';

const key = (s: string): string[] =>
  tokenize(normalizeKey(s))
    .filter((t) => t.word)
    .map((t) => t.key);
const ACCORDING_TO = ARABIC_ACCORDING_TO.map(key).sort((a, b) => b.length - a.length);
const AGENTLESS = new Set(ARABIC_AGENTLESS_HEADS.map(normalizeKey));
const ANONYMITY = ARABIC_ANONYMITY.map(key);
const RELATIVE_BEFORE_CUE = new Set(['ما', 'مما', 'بما', 'عما', 'لما'].map(normalizeKey));
const NEGATION = new Set(['لم', 'لا', 'لن', 'ما', 'ولم', 'ولا', 'عدم', 'دون'].map(normalizeKey));
/** Documents that speak for their author: «بيانات الجهاز», «تقرير للأمم المتحدة», «بلاغ للوزارة». */
const DOCUMENTS = new Set(
  [
    'بيان',
    'بيانات',
    'تقرير',
    'تقارير',
    'أرقام',
    'إحصاءات',
    'إحصائيات',
    'دراسة',
    'وثيقة',
    'وثائق',
    'معطيات',
    'بلاغ',
    'تقديرات',
    'سجلات',
    'حصيلة',
    'مذكرة',
  ].map(normalizeKey),
);
const CLAUSE_OPENERS = new Set(
  ['و', 'كما', 'وكما', 'ثم', 'لكن', 'ولكن', 'بينما', 'فيما', 'إلا', 'أن', 'حين', 'في'].map(
    normalizeKey,
  ),
);
const SAYING = new Set(['قوله', 'قولها', 'قولهم', 'قولهما'].map(normalizeKey));
const RELATIVE = new Set(['الذي', 'التي', 'الذين', 'اللذين', 'اللتين'].map(normalizeKey));
const INTERVIEW = new Set(
  ['تصريح', 'تصريحات', 'حديث', 'مقابلة', 'حوار', 'بيان', 'مؤتمر', 'تغريدة', 'منشور', 'كلمة'].map(
    normalizeKey,
  ),
);
const MAX_GAP = 28;
/** Words that link a new clause with its own speaker: «، فيما أوضحت الخارجية ...». */
const CLAUSE_LINKS = new Set(
  ['فيما', 'بينما', 'حين', 'كما', 'ثم', 'لكنه', 'لكنها', 'ولكنه', 'ولكنها', 'إذ', 'حيث'].map(
    normalizeKey,
  ),
);
/** «غير أنه نبه», «إلا أنها حذرت», «بيد أنه رأى». */
const CONTRAST = new Set(['غير', 'إلا', 'بيد'].map(normalizeKey));
/** Cues whose content may be a noun phrase: «نفت طهران ما تناقلته وسائل الإعلام ...». */
const NOUN_CONTENT = new Set(['نفى', 'أعلن', 'أكد']);
/** Verbs that withhold a name: «طلب / فضّل / رفض / اشترط عدم الكشف عن اسمه», «لم يرغب في ...». */
const WITHHOLDING = new Set(
  [
    'طلب',
    'طلبت',
    'طلبوا',
    'فضل',
    'فضلت',
    'فضلوا',
    'رفض',
    'رفضت',
    'رفضوا',
    'اشترط',
    'اشترطت',
    'طالبا',
    'طالبة',
    'مفضلا',
    'مفضلة',
    'رافضا',
    'رافضة',
    'مشترطا',
    'يرغب',
    'ترغب',
    'يرغبون',
  ].map(normalizeKey),
);
const NAME_WORD = /^(?:اسم|هوي|تعريف|هويه)/;

/** Tokens an anonymity clause at `k` covers (0 when there is none). */
function anonymityAt(keys: readonly string[], k: number): number {
  const p = ANONYMITY.find((x) => phraseAt(keys, k, x));
  const w = keys[k]?.replace(/^و/, '') ?? '';
  if (WITHHOLDING.has(w) || (keys[k] === 'لم' && WITHHOLDING.has(keys[k + 1] ?? ''))) {
    for (let j = k + 1; j < keys.length && j - k < 7; j++)
      if (NAME_WORD.test(keys[j]!)) return j - k + 1;
  }
  return p ? p.length : 0;
}

export interface ArabicFrameInput {
  text: string;
  start: number;
  end: number;
  quotes: readonly QuoteRegion[];
  gazetteer: Gazetteer;
  index: TokenIndex;
}

const phraseAt = (keys: readonly string[], i: number, phrase: readonly string[]): boolean =>
  phrase.every((w, k) => keys[i + k] === w);

/** A token list with one token's leading clitic removed («لوزارة» → «وزارة»). */
function stripClitic(ctx: ArabicPhraseContext, i: number, n: number): ArabicPhraseContext {
  const tokens = ctx.tokens.slice();
  const keys = ctx.keys.slice();
  const t = tokens[i]!;
  tokens[i] = { ...t, text: t.text.slice(n), start: t.start + n, key: t.key.slice(n) };
  keys[i] = tokens[i].key;
  return { ...ctx, tokens, keys };
}

/** «للجيش» → «الجيش»: the preposition ل merged with the article. */
function stripLamAlef(ctx: ArabicPhraseContext, i: number): ArabicPhraseContext {
  const tokens = ctx.tokens.slice();
  const keys = ctx.keys.slice();
  const t = tokens[i]!;
  tokens[i] = { ...t, text: t.text.slice(1), start: t.start + 1, key: 'ا' + t.key.slice(1) };
  keys[i] = tokens[i].key;
  return { ...ctx, tokens, keys };
}

/** «لـ X», «لصحيفة X», «لوكالة X»: the phrase a cue addresses, parsed as speakers. */
function recipientAt(
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
function speakersOrDocument(
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

const isOutlet = (m: MentionInfo): boolean =>
  m.gazetteer?.kind === 'outlet' || m.gazetteer?.kind === 'agency' || Boolean(m.head?.outletType);

interface Complement {
  /** Token index where the content starts. */
  contentToken: number;
  /** Character offset where the content starts (inside a token for «بـ»). */
  contentStart?: number;
  quote?: QuoteRegion;
}

/** Looks at token `k` for what introduces the content of a cue. */
function complementAt(
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

/**
 * Finds the reporting frames of one Arabic sentence: verb-first («وقال X إن»),
 * subject-first («بغداد أكدت أنها»), relays («نقلت صحيفة X عن Y»), participles
 * («مبيناً أنه»), according-to phrases («بحسب X») and agentless cues («أفادت معلومات»).
 */
export function findArabicFrames(input: ArabicFrameInput): Frame[] {
  const tokens = input.index.slice(input.start, input.end);
  const keys = tokens.map((t) => t.key);
  const ctx: ArabicPhraseContext = {
    tokens,
    keys,
    gazetteer: input.gazetteer,
    limit: tokens.length,
  };
  const frames: Frame[] = [];
  const sentenceEnd = input.end;
  let i = 0;
  let blockedUntil = -1; // content of a frame: only participles and fresh clauses start frames there

  const insideQuote = (tok: Token): boolean => {
    const q = quoteAt(input.quotes, tok.start);
    return q !== undefined && q.start !== tok.start;
  };

  const findComplement = (
    from: number,
    cue: ArabicCueForm,
    speakers: MentionInfo[],
    via: MentionInfo[],
  ) => {
    let anonymous = false;
    for (let k = from; k < Math.min(tokens.length, from + MAX_GAP); k++) {
      const t = tokens[k]!;
      const anon = anonymityAt(keys, k);
      if (anon > 0) {
        anonymous = true;
        k += anon - 1;
        continue;
      }
      const c = complementAt(ctx, k, cue, input.quotes);
      if (c) return { complement: c, anonymous, gapEnd: k };
      if (t.key === 'ما' && NOUN_CONTENT.has(cue.lemma.lemma))
        return { complement: { contentToken: k }, anonymous, gapEnd: k };
      if (t.text === '.' || t.text === '؟' || t.text === '?') return null;
      if (
        k > from &&
        arabicCue(t.key) &&
        !arabicCue(t.key)!.lemma.relay &&
        arabicCue(t.key)!.role !== 'participle'
      )
        return null;
      if (isQuoteMark(t.text) && OPENING_QUOTES.has(t.text) && insideQuote(t)) continue;
      // «نقلاً عن Y»: Y speaks, the subject relays
      if (keys[k] === 'نقلا' && keys[k + 1] === 'عن') {
        const y = parseArabicSpeakers(ctx, k + 2);
        if (y) {
          via.push(...speakers.splice(0, speakers.length, ...y.mentions));
          k = y.end - 1;
          continue;
        }
      }
      // «قال لوكالة X», «في تصريح لـ«X»», «في مقابلة مع X»
      const prev = keys[k - 1];
      if (t.key.startsWith('ل') || (t.key === 'مع' && prev && INTERVIEW.has(prev))) {
        const r = t.key === 'مع' ? parseArabicSpeakers(ctx, k + 1) : recipientAt(ctx, k);
        if (r && r.mentions.every(isOutlet)) {
          via.push(...r.mentions);
          k = r.end - 1;
        }
      }
    }
    return null;
  };

  /** The quotation that ends right before token `i` («"..."، قال»), if any. */
  const quoteBeforeCue = (i: number): QuoteRegion | undefined => {
    let k = i - 1;
    if (tokens[k]?.text === '،' || tokens[k]?.text === ',') k--;
    const closer = tokens[k];
    if (!closer || closer.word) return undefined;
    const q = input.quotes.find((r) => r.closed && r.end === closer.end);
    return q && q.words >= 2 ? q : undefined;
  };

  const pushFrame = (frame: Frame): void => {
    frames.push(frame);
    blockedUntil = frame.quoteBound ? frame.contentEnd : sentenceEnd;
  };

  const contentOf = (
    c: Complement,
  ): { contentStart: number; contentEnd: number; quoteBound: boolean } | null => {
    if (c.quote) return { contentStart: c.quote.start, contentEnd: c.quote.end, quoteBound: true };
    const t = tokens[c.contentToken];
    if (!t) return null;
    return { contentStart: c.contentStart ?? t.start, contentEnd: sentenceEnd, quoteBound: false };
  };

  for (i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word || insideQuote(t)) continue;

    // According-to phrases: «بحسب X», «وفقاً لـ X», «نقلاً عن X», «حسبما أفاد X»
    const acc = ACCORDING_TO.find((p) => phraseAt(keys, i, p));
    if (acc) {
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
      if (sp) {
        const cueText = t;
        const before = tokens.slice(0, i).filter((x) => x.word && !CLAUSE_OPENERS.has(x.key));
        const lastFrame = frames[frames.length - 1];
        if (before.length === 0) {
          // fronted: «وبحسب X، فإن ...»
          let k = sp.end;
          while (tokens[k] && !tokens[k]!.word) k++;
          if (tokens[k] && normalizeKey('فإن') === tokens[k]!.key) k++;
          if (tokens[k]) {
            pushFrame({
              cueStart: cueText.start + (acc[0]!.startsWith('و') ? 1 : 0),
              cueEnd: tokens[i + acc.length - 1]!.end,
              speakers: sp.mentions,
              via: [],
              contentStart: tokens[k]!.start,
              contentEnd: sentenceEnd,
              apparatus: [{ start: t.start, end: tokens[k]!.start }],
              agentless: sp.agentless,
            });
            i = k - 1;
            blockedUntil = sentenceEnd;
          }
        } else {
          const from =
            lastFrame && lastFrame.contentEnd <= t.start ? lastFrame.contentEnd : input.start;
          const quoteBefore = input.quotes.find(
            (q) =>
              q.end <= t.start &&
              q.start >= from &&
              /^[\s،,]*$/.test(input.text.slice(q.end, t.start)),
          );
          if (lastFrame && lastFrame.contentEnd > t.start && !lastFrame.quoteBound) {
            // «قال X إن ...، حسبما أفادت وكالة Y»: the agency relayed X's words
            if (sp.mentions.length > 0 && sp.mentions.every(isOutlet))
              lastFrame.via.push(...sp.mentions);
            lastFrame.apparatus.push({ start: t.start, end: tokens[sp.end - 1]?.end ?? t.end });
            i = sp.end - 1;
          } else {
            pushFrame({
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
            blockedUntil = -1;
            i = sp.end - 1;
          }
        }
        continue;
      }
    }

    const cue = arabicCue(t.key);
    if (!cue) continue;
    const prevKey = keys[i - 1];
    if (prevKey && (RELATIVE_BEFORE_CUE.has(prevKey) || NEGATION.has(prevKey))) continue;
    // a cue may open a new clause inside reported content: after a comma, «و», «فيما»,
    // «غير أنه», «لكنه»
    const afterComma =
      i === 0 ||
      tokens[i - 1]!.text === '،' ||
      tokens[i - 1]!.text === ',' ||
      cue.prefix !== '' ||
      CLAUSE_LINKS.has(keys[i - 1]!) ||
      (isComplementiser(keys[i - 1]) && CONTRAST.has(keys[i - 2] ?? ''));
    if (t.start < blockedUntil && cue.role !== 'participle' && !afterComma) continue;

    const cueSurface = { start: t.start + cue.prefix.length, end: t.end };
    const apparatusStart = t.start;

    if (cue.role === 'participle') {
      const c = complementAt(ctx, i + 1, cue, input.quotes);
      if (!c) continue;
      const content = contentOf(c);
      if (!content) continue;
      const prevFrame = frames[frames.length - 1];
      pushFrame({
        cueStart: cueSurface.start,
        cueEnd: cueSurface.end,
        speakers: [droppedSubject(t.start, cue.number, cue.gender)],
        via: [],
        ...content,
        apparatus: [{ start: apparatusStart, end: content.contentStart }],
        agentless: prevFrame?.agentless,
        continues: prevFrame,
      });
      if (!content.quoteBound) i = c.contentToken - 1;
      continue;
    }

    // present-tense impersonal «ويذكر أن», «يشار إلى أن»: the outlet's own voice
    if (
      cue.role === 'present' &&
      cue.gender === 'm' &&
      complementAt(ctx, i + 1, cue, input.quotes) &&
      i <= 1
    )
      continue;

    const speakers: MentionInfo[] = [];
    const via: MentionInfo[] = [];
    let agentless = false;
    let j = i + 1;
    let subjectStart = -1;

    if (cue.lemma.relay) {
      // «نقلت صحيفة X عن Y (قوله) إن ...»
      const x = keys[j] === 'عن' ? null : parseArabicSpeakers(ctx, j);
      const an = x ? x.end : j;
      if (keys[an] !== 'عن') continue;
      const y = parseArabicSpeakers(ctx, an + 1);
      if (!y) continue;
      if (x) via.push(...x.mentions);
      speakers.push(...y.mentions);
      j = y.end;
    } else if (
      AGENTLESS.has(arabicStems(keys[j] ?? '')[0]!.stem) ||
      AGENTLESS.has(keys[j]?.replace(/^ال/, '') ?? '')
    ) {
      agentless = true;
      j++;
    } else if (!complementAt(ctx, j, cue, input.quotes) && tokens[j]?.word) {
      const sp = speakersOrDocument(ctx, j);
      if (sp) {
        speakers.push(...sp.mentions);
        agentless = sp.agentless;
        j = sp.end;
      }
    }

    // quote-first: «"..."، قال X، مضيفاً أن ...» — the quotation before the cue is the content
    const quoteFirst = quoteBeforeCue(i);
    if (quoteFirst && speakers.length > 0 && !cue.lemma.relay) {
      let k = j;
      while (k < tokens.length && k - j < MAX_GAP) {
        const x = tokens[k]!;
        if (x.text === '.' || x.text === '؟') break;
        if (isComplementiser(x.key)) break;
        const pc = arabicCue(x.key);
        if (pc && pc.role === 'participle') break;
        k++;
      }
      if (!tokens[k] || !isComplementiser(tokens[k]!.key)) {
        findComplement(j, cue, speakers, via); // recipients and anonymity in the tail
        const anonymous = tokens.slice(j, k).some((_, d) => anonymityAt(keys, j + d) > 0);
        if (anonymous) for (const m of speakers) m.anonymous = true;
        const tailEnd = tokens[k] ? tokens[k]!.start : sentenceEnd;
        frames.push({
          cueStart: cueSurface.start,
          cueEnd: cueSurface.end,
          speakers,
          via,
          contentStart: quoteFirst.start,
          contentEnd: quoteFirst.end,
          apparatus: [{ start: t.start, end: tailEnd }],
          quoteBound: true,
        });
        blockedUntil = -1;
        i = k - 1;
        continue;
      }
    }

    const found = findComplement(j, cue, speakers, via);
    if (!found) continue;
    if (found.anonymous) for (const s of speakers) s.anonymous = true;

    // «غير أنه نبه»: the cue follows a complementiser, so its subject is the one before
    const afterComplementiser = isComplementiser(keys[i - 1]);
    if (speakers.length === 0 && !agentless && !afterComplementiser) {
      // subject-first: «بغداد أكدت أنها», «صحيفة اميريكة تكشف إن», «الوزارة، التي ...، قالت»
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
      let s = cs + 1;
      while (s < end && CLAUSE_OPENERS.has(keys[s]!)) s++;
      if (s < end) {
        const sub = parseArabicSpeakers({ ...ctx, limit: end }, s);
        if (sub && (sub.end === end || (sub.end === end - 1 && tokens[end - 1]!.word))) {
          const ms = sub.mentions;
          if (sub.end === end - 1) ms[ms.length - 1]!.end = tokens[end - 1]!.end;
          speakers.push(...ms);
          subjectStart = tokens[s]!.start;
        }
      }
      if (speakers.length === 0) {
        if (
          i > 1 &&
          !afterComma &&
          t.start >= blockedUntil &&
          tokens.slice(0, i).some((x) => x.word)
        ) {
          // a cue in the middle of a clause with no subject: not a reporting frame
          if (cue.prefix === '') continue;
        }
      }
    }
    if (speakers.length === 0 && !agentless) {
      speakers.push(droppedSubject(t.start, cue.number, cue.gender));
    }

    const content = contentOf(found.complement);
    if (!content) continue;
    pushFrame({
      cueStart: cueSurface.start,
      cueEnd: cueSurface.end,
      speakers: agentless ? [] : speakers,
      via: via.filter((v) => !speakers.includes(v)),
      ...content,
      apparatus: [
        { start: subjectStart >= 0 ? subjectStart : apparatusStart, end: content.contentStart },
      ],
      agentless,
    });
    if (!content.quoteBound) i = found.complement.contentToken - 1;
    else i = tokens.findIndex((x) => x.start >= content.contentEnd) - 1;
    if (i < -1) break;
  }
  return frames;
}
