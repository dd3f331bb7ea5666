import type { Gazetteer } from '../gazetteer/gazetteer';
import {
  ENGLISH_AGENTLESS,
  ENGLISH_ANONYMITY,
  ENGLISH_AUXILIARIES,
  ENGLISH_CUES,
  ENGLISH_NOUN_CONTENT,
  ENGLISH_PRONOUNS,
  ENGLISH_STRICT,
  type EnglishCue,
} from '../lexicon/english.lexicon';
import { quoteAt, type QuoteRegion } from '../text/quotes';
import type { Paragraph } from '../text/segmentation';
import { CLOSING_QUOTES, OPENING_QUOTES, type Token, type TokenIndex } from '../text/tokens';
import { englishHead, interpretEnglishPhrase, isNounPhraseToken } from './english-noun-phrase';
import { droppedSubject, type Frame, type MentionInfo } from './frame';

export interface EnglishFrameInput {
  text: string;
  start: number;
  end: number;
  quotes: readonly QuoteRegion[];
  gazetteer: Gazetteer;
  paragraph: Paragraph;
  previous: readonly Frame[];
  index: TokenIndex;
}

const PREPOSITIONS = new Set(
  'on in at during late early earlier after before via through from with while over by when'.split(
    ' ',
  ),
);
const TIME_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight week month year morning afternoon evening night statement interview conference briefing post message speech call press news televised remarks email video address weekend last this next'.split(
    ' ',
  ),
);
const ANONYMITY = ENGLISH_ANONYMITY.map((p) => p.split(' '));
/** Titles written with a full stop ("Lt. Col. Omar Al Shamsi"). */
const TITLES = new Set(
  'mr mrs ms dr prof gen lt col maj capt sgt cpl adm rep sen gov brig st rev hon'.split(' '),
);
/** Documents that speak for their authors: "a report by X", "data from X". */
const DOCUMENT_WORDS = new Set(
  'report reports statement statements study survey data figures estimates estimate analysis document documents records filing filings tally count poll review assessment audit letter release communique readout transcript'.split(
    ' ',
  ),
);
const englishModifierWord = (k: string): boolean =>
  [
    'new',
    'latest',
    'recent',
    'joint',
    'official',
    'preliminary',
    'annual',
    'internal',
    'confidential',
    'leaked',
    'court',
    'police',
    'government',
    'written',
    'separate',
  ].includes(k);
const isOutletMention = (m: MentionInfo): boolean =>
  m.gazetteer?.kind === 'outlet' || m.gazetteer?.kind === 'agency' || Boolean(m.head?.outletType);

/** "a building that Israel said housed weapons": the pronoun belongs to the attribution. */
const RELATIVE_PRONOUNS = new Set(['that', 'which', 'who', 'whom']);

/** Words of an adjunct after a final cue: "said on Monday", "told AFP by telephone". */
const ADJUNCT_NOUNS = new Set(
  'telephone phone statement interview conference reporters journalists media television radio email text message briefing video post posts call calls news press social late early earlier later today tonight yesterday week month year morning afternoon evening night weekend'.split(
    ' ',
  ),
);
const isAdjunctWord = (t: Token): boolean =>
  /^[A-Z0-9]/.test(t.text) ||
  PREPOSITIONS.has(t.key) ||
  TIME_WORDS.has(t.key) ||
  ADJUNCT_NOUNS.has(t.key) ||
  [
    'a',
    'an',
    'the',
    'its',
    'his',
    'her',
    'their',
    'of',
    'and',
    'also',
    'again',
    'separately',
  ].includes(t.key);

/** Words after which a new reporting clause may start inside reported content. */
const CLAUSE_BREAK = new Set(['whereas', 'while', 'but', ';']);

const COMPANY_ABBREVIATIONS = new Set([
  'co',
  'corp',
  'inc',
  'ltd',
  'plc',
  'llc',
  'bros',
  'jr',
  'sr',
  'no',
  'u',
  's',
]);
/** A wire service's own caveat closes the quoted claim: ", but Reuters could not verify". */
const VERIFY_CAVEAT =
  /^,?\s*(?:but|although|though|and)\s+[^,]{0,60}?\b(?:could|can|was|were|has|have|did)\s+not\s+(?:be\s+)?(?:independently\s+)?(?:verif|confirm)/i;
/** An -ing clause the writer adds after reported speech: ", sending its shares down 6%". */
const TRAILING_PARTICIPLE =
  /,\s+(?:sending|prompting|leaving|forcing|pushing|bringing|raising|causing|triggering|marking|making|taking|dragging|lifting|cutting|ending|extending|adding to)\b/g;

/** Where reported content stops when the sentence goes on in the writer's own voice. */
function contentStop(text: string, start: number, end: number): number {
  const slice = text.slice(start, end);
  let stop = end;
  TRAILING_PARTICIPLE.lastIndex = 0;
  const m = TRAILING_PARTICIPLE.exec(slice);
  if (m) stop = start + m.index;
  // ", as engineers worked through the night": the writer's own circumstance
  const as =
    /,\s+as\s+(?!well\b|much\b|many\b|long\b|soon\b|far\b|part\b|a\s+result\b|such\b|if\b|though\b|expected\b|planned\b|usual\b)/.exec(
      slice,
    );
  if (as) stop = Math.min(stop, start + as.index);
  const caveat = /,\s*(?:but|although|though)\s/g;
  let c: RegExpExecArray | null;
  while ((c = caveat.exec(slice)) !== null) {
    if (VERIFY_CAVEAT.test(slice.slice(c.index))) {
      stop = Math.min(stop, start + c.index);
      break;
    }
  }
  return stop;
}

/** Words that end a subject phrase when scanning back from its cue. */
const SUBJECT_BOUNDARY = new Set(
  'that which who whom whose when while whereas because as if where but since although though after before until is was were are be been being has have had do does did will would can could should may might must not than so said says told'.split(
    ' ',
  ),
);
const phraseAt = (keys: readonly string[], i: number, p: readonly string[]): boolean =>
  p.every((w, k) => keys[i + k] === w);

/**
 * Finds the reporting frames of one English sentence: "X said (that) ...", "..., X said",
 * "“...,” said X", "according to X", "X told Reuters", "X reported, citing Y",
 * "X quoted Y as saying", ", adding that ...", "it was reported that ...".
 */
export function findEnglishFrames(input: EnglishFrameInput): Frame[] {
  const tokens = input.index.slice(input.start, input.end);
  const keys = tokens.map((t) => t.key);
  const frames: Frame[] = [];
  const { gazetteer } = input;
  const n = tokens.length;
  const isComma = (t: Token | undefined) => t !== undefined && (t.text === ',' || t.text === ';');
  const inQuote = (t: Token) => {
    const q = quoteAt(input.quotes, t.start);
    return q !== undefined && t.start > q.start && t.start < q.end - 1;
  };
  const lastFrame = () => frames[frames.length - 1] ?? input.previous[input.previous.length - 1];
  const anonymousIn = (a: number, b: number) => {
    for (let k = a; k < b; k++) if (ANONYMITY.some((p) => phraseAt(keys, k, p))) return true;
    return false;
  };

  /**
   * Where an attribution starts, given its subject: the relative pronoun before it ("a building
   * that Israel said"), or a fronted adjunct or description ending in a comma ("In a
   * statement, the army said"; "The UN refugee agency, UNHCR, said") that says nothing itself.
   */
  const leadIn = (subject: number, floor: number): number => {
    if (RELATIVE_PRONOUNS.has(keys[subject - 1] ?? '')) return subject - 1;
    if (!isComma(tokens[subject - 1])) return subject;
    const piece = tokens.slice(floor, subject - 1).filter((t) => t.word);
    const fronted =
      piece.length > 0 &&
      piece.length <= 8 &&
      !piece.some(
        (t) => SUBJECT_BOUNDARY.has(t.key) || (ENGLISH_CUES.has(t.key) && !/^[A-Z]/.test(t.text)),
      );
    return fronted && floor < subject - 1 ? floor : subject;
  };

  /** The end of a source phrase that starts at `k`: before a comma, "that", "citing" or a quote. */
  const phraseEnd = (k: number): number => {
    let e = k;
    while (e < n && e - k < 12) {
      const x = tokens[e]!;
      // a full stop inside a sentence belongs to an abbreviation ("U.S. officials")
      const finalStop = x.text === '.' && e === n - 1;
      if (isComma(x) || finalStop || x.text === ':' || OPENING_QUOTES.has(x.text) || x.text === '"')
        break;
      if (keys[e] === 'that' || keys[e] === 'citing' || keys[e] === 'who' || keys[e] === 'which')
        break;
      if (ENGLISH_CUES.has(keys[e]!) && !/^[A-Z]/.test(x.text) && e > k) break;
      e++;
    }
    return e;
  };

  /**
   * The speakers named by tokens [a, e): "a report by The Guardian" is The Guardian,
   * "figures from the central bank" is the central bank, "court documents" stay themselves.
   */
  const speakersOf = (a: number, e: number): MentionInfo[] => {
    let k = a;
    if (['a', 'an', 'the', 'its', 'their'].includes(keys[k]!)) k++;
    while (k < e && (DOCUMENT_WORDS.has(keys[k]!) || englishModifierWord(keys[k]!))) k++;
    if (
      k > a &&
      k < e &&
      DOCUMENT_WORDS.has(keys[k - 1]!) &&
      ['by', 'from', 'of', 'published', 'released', 'issued', 'compiled'].includes(keys[k]!)
    ) {
      let o = k + 1;
      if (['by', 'from'].includes(keys[o]!)) o++;
      const owner = interpretEnglishPhrase(tokens, keys, o, e, gazetteer);
      if (owner.length) return owner;
    }
    // "a ministry statement", "health ministry figures": the author before the document
    if (e - 1 > a && DOCUMENT_WORDS.has(keys[e - 1]!)) {
      const author = interpretEnglishPhrase(tokens, keys, a, e - 1, gazetteer);
      if (author.length) return author;
    }
    return interpretEnglishPhrase(tokens, keys, a, e, gazetteer);
  };

  /** Start of the subject phrase that ends at token `end` (exclusive), scanning back. */
  const subjectBefore = (
    end: number,
    floor: number,
  ): { start: number; anonymous: boolean; end: number } | null => {
    let e = end;
    const skipAuxiliaries = () => {
      while (
        e > floor &&
        (ENGLISH_AUXILIARIES.has(keys[e - 1]!) || /^[a-z]+ly$/.test(tokens[e - 1]!.text)) &&
        keys[e - 1] !== 'told'
      )
        e--;
    };
    skipAuxiliaries();
    // "Within hours she had written ...": a pronoun right before the cue is the whole subject
    if (
      e > floor &&
      keys[e - 1]! in ENGLISH_PRONOUNS &&
      !/^[A-Z]/.test(tokens[e - 1]!.text.slice(1))
    )
      return { start: e - 1, anonymous: false, end: e };
    let anonymous = false;
    // "X, who spoke on condition of anonymity, said" / "Ms. Haddad, 31, an analyst, said"
    while (e > floor && isComma(tokens[e - 1])) {
      let c = e - 2;
      while (
        c >= floor &&
        !isComma(tokens[c]) &&
        !CLOSING_QUOTES.has(tokens[c]!.text) &&
        !OPENING_QUOTES.has(tokens[c]!.text)
      )
        c--;
      const first = tokens[c + 1];
      const appositive =
        first !== undefined &&
        c + 1 < e - 1 &&
        ([
          'who',
          'which',
          'whose',
          'a',
          'an',
          'the',
          'one',
          'speaking',
          'citing',
          'according',
        ].includes(first.key) ||
          /^[a-z0-9]/.test(first.text) ||
          anonymousIn(c + 1, e));
      if (!appositive || c < floor || !isComma(tokens[c])) {
        e--; // the phrase before this comma is the subject
        break;
      }
      anonymous ||= anonymousIn(c + 1, e);
      e = c + 1;
    }
    skipAuxiliaries();
    let s = e;
    while (s > floor && e - s < 14) {
      const t = tokens[s - 1]!;
      if (!t.word) {
        if (
          t.text === '.' &&
          s - 2 >= floor &&
          (TITLES.has(keys[s - 2]!) ||
            COMPANY_ABBREVIATIONS.has(keys[s - 2]!) ||
            tokens[s - 2]!.text.includes('.'))
        ) {
          s--;
          continue;
        }
        if (t.text === "'" || t.text === '’' || t.text === '-' || t.text === '&') {
          s--;
          continue;
        }
        // a quoted name inside the subject: 'a group calling itself "Saraya al-Wadi"'
        const q = input.quotes.find(
          (r) => r.end === t.end && r.words <= 4 && r.start >= tokens[floor]!.start,
        );
        if (q) {
          const open = tokens.findIndex((x) => x.start === q.start);
          if (open >= floor && open < s - 1) {
            s = open;
            continue;
          }
        }
        break;
      }
      if (SUBJECT_BOUNDARY.has(t.key) && !/^[A-Z]/.test(t.text)) break;
      if (ENGLISH_CUES.has(t.key) && !/^[A-Z]/.test(t.text)) break;
      s--;
    }
    // drop a leading adverbial: "On Monday the ministry said"
    while (
      s < e &&
      (PREPOSITIONS.has(keys[s]!) || TIME_WORDS.has(keys[s]!) || /^\d/.test(keys[s]!))
    )
      s++;
    while (s < e && ['and', 'but', 'so', 'yet', 'also'].includes(keys[s]!)) s++;
    if (s >= e) return null;
    const phrase = tokens.slice(s, e);
    const plausible = phrase.some(
      (t, k) =>
        t.key in ENGLISH_PRONOUNS ||
        (isNounPhraseToken(t, gazetteer, keys, s + k) &&
          (/^[A-Z]/.test(t.text) || englishHead(t.key) !== undefined)),
    );
    if (!plausible) return null;
    return { start: s, anonymous, end: e };
  };

  /** The end of the phrase a "told" addresses, without the content that may follow it. */
  const recipientEnd = (k: number): number => {
    const g = gazetteer.matchAt(
      keys,
      keys[k] === 'the' ? k + 1 : k,
      keys[keys[k] === 'the' ? k + 1 : k],
      tokens[keys[k] === 'the' ? k + 1 : k]?.text,
    );
    if (g) return (keys[k] === 'the' ? k + 1 : k) + g.length;
    let r = k;
    while (r < n && tokens[r]!.word && /^[A-Z]/.test(tokens[r]!.text) && r - k < 5) r++;
    if (r > k) return r;
    if (['a', 'an', 'the', 'his', 'her', 'their', 'its'].includes(keys[k]!)) {
      r = k + 1;
      while (
        r < n &&
        r - k < 4 &&
        tokens[r]!.word &&
        keys[r] !== 'that' &&
        !PREPOSITIONS.has(keys[r]!) &&
        /^[a-z]/.test(tokens[r]!.text) &&
        (englishHead(keys[r]!) ||
          [
            'news',
            'press',
            'conference',
            'briefing',
            'meeting',
            'rally',
            'crowd',
            'court',
            'jury',
            'hearing',
            'committee',
            'paper',
            'newspaper',
            'broadcaster',
            'audience',
            'reporters',
            'journalists',
            'local',
            'state',
            'national',
            'parliamentary',
            'panel',
            'session',
          ].includes(keys[r]!))
      )
        r++;
      return r;
    }
    if (tokens[k]?.word && /^[a-z]/.test(tokens[k].text)) return k + 1; // "reporters", "parliament", "me"
    return k;
  };

  /** Where the content starts after a cue and its adjuncts ("said on Tuesday that"). */
  const contentAfterRaw = (
    i: number,
    cue: EnglishCue,
  ): { token: number; quote?: QuoteRegion; via: MentionInfo[] } | null => {
    const via: MentionInfo[] = [];
    let k = i + 1;
    if (cue.lemma === 'tell') {
      // recipient: "told Reuters", "told reporters", "told The National", "told a news conference"
      const r = recipientEnd(k);
      if (r > k) {
        const rec = interpretEnglishPhrase(tokens, keys, k, r, gazetteer);
        for (const m of rec)
          if (
            m.gazetteer?.kind === 'outlet' ||
            m.gazetteer?.kind === 'agency' ||
            m.head?.outletType
          )
            via.push(m);
      }
      k = r;
    }
    // "said in a joint letter that ...": a "that", a colon or a quotation shortly after
    for (let a = k; a < n && a - k < 13; a++) {
      const x = tokens[a]!;
      // a full stop inside a sentence belongs to an abbreviation ("on Oct. 7 that")
      if (isComma(x) || (x.text === '.' && a === n - 1) || (ENGLISH_CUES.has(keys[a]!) && a > k))
        break;
      if (keys[a] === 'that' && a > k && PREPOSITIONS.has(keys[k]!)) return { token: a + 1, via };
    }
    for (let guard = 0; guard < 12 && k < n; guard++) {
      const t = tokens[k]!;
      if (keys[k] === 'that') return { token: k + 1, via };
      if (t.text === ':') {
        const q = input.quotes.find((x) => x.start === tokens[k + 1]?.start);
        return { token: k + 1, quote: q, via };
      }
      if (OPENING_QUOTES.has(t.text) || t.text === '"') {
        const q = input.quotes.find((x) => x.start === t.start);
        if (q && q.words >= 3) return { token: k, quote: q, via };
      }
      if (t.text === ',') {
        k++;
        continue;
      }
      if (
        PREPOSITIONS.has(keys[k]!) ||
        TIME_WORDS.has(keys[k]!) ||
        keys[k] === 'a' ||
        keys[k] === 'the' ||
        keys[k] === 'his' ||
        keys[k] === 'her' ||
        keys[k] === 'their'
      ) {
        // an adjunct: "in a statement", "on Tuesday", "late on Monday"
        let j = k + 1;
        while (
          j < n &&
          j - k < 6 &&
          tokens[j]!.word &&
          keys[j] !== 'that' &&
          (TIME_WORDS.has(keys[j]!) ||
            /^[A-Z0-9]/.test(tokens[j]!.text) ||
            [
              'a',
              'the',
              'an',
              'its',
              'his',
              'her',
              'their',
              'news',
              'press',
              'televised',
              'joint',
              'written',
              'social',
              'media',
              'of',
              'on',
              'with',
            ].includes(keys[j]!))
        )
          j++;
        if (PREPOSITIONS.has(keys[k]!) || TIME_WORDS.has(keys[k]!)) {
          if (j === k + 1 && !TIME_WORDS.has(keys[k]!)) break;
          k = j;
          continue;
        }
        break;
      }
      break;
    }
    if (ENGLISH_STRICT.has(cue.lemma) && !ENGLISH_NOUN_CONTENT.has(cue.lemma)) return null;
    if (k >= n || !tokens[k]!.word) return null;
    return { token: k, via };
  };

  /** Like contentAfterRaw, but never points past the sentence ("..., adding that" at its end). */
  const contentAfter = (i: number, cue: EnglishCue): ReturnType<typeof contentAfterRaw> => {
    const c = contentAfterRaw(i, cue);
    return c && (c.quote || c.token < n) ? c : null;
  };

  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (!t.word || inQuote(t)) continue;

    // "according to X", "according to a report by X citing Y"
    if (keys[i] === 'according' && keys[i + 1] === 'to') {
      let e = phraseEnd(i + 2);
      let sp = speakersOf(i + 2, e);
      if (sp.length === 0) continue;
      let via: MentionInfo[] = [];
      const citingAt =
        keys[e] === 'citing' ? e : isComma(tokens[e]) && keys[e + 1] === 'citing' ? e + 1 : -1;
      if (citingAt >= 0) {
        const ce = phraseEnd(citingAt + 1);
        const cited = speakersOf(citingAt + 1, ce);
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
        i = c - 1;
      } else {
        const prev = frames[frames.length - 1];
        const from = prev ? prev.contentEnd : input.start;
        const q = input.quotes.find(
          (x) =>
            x.end <= t.start &&
            x.start >= from &&
            /^[\s,]*$/.test(input.text.slice(x.end, t.start)),
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
        i = tail - 1;
      }
      continue;
    }

    const cue = ENGLISH_CUES.get(keys[i]!);
    if (!cue) continue;
    if (/^[A-Z]/.test(t.text) && i > 0) continue; // "Reports" as a name, "Says" in a title

    // "..., with Foreign Ministry spokesman Hamid Rezaei saying Iran ..."
    if (cue.participle && keys[i] === 'saying') {
      let w = i - 1;
      while (w > 0 && i - w < 9 && keys[w] !== 'with' && tokens[w]!.word) w--;
      const c = keys[w] === 'with' ? contentAfter(i, cue) : null;
      const speakers = c ? interpretEnglishPhrase(tokens, keys, w + 1, i, gazetteer) : [];
      if (c && speakers.length > 0 && speakers[0]!.form !== 'pronoun') {
        const cs = c.quote ? c.quote.start : tokens[c.token]!.start;
        frames.push({
          cueStart: t.start,
          cueEnd: t.end,
          speakers,
          via: [],
          contentStart: cs,
          contentEnd: c.quote ? c.quote.end : contentStop(input.text, cs, input.end),
          apparatus: [
            { start: (isComma(tokens[w - 1]) ? tokens[w - 1]! : tokens[w]!).start, end: cs },
          ],
          quoteBound: Boolean(c.quote),
        });
        i = c.quote ? tokens.findIndex((x) => x.start >= c.quote!.end) - 1 : c.token - 1;
        if (i < -1) break;
        continue;
      }
    }
    // participle continuation: ", adding that ...", ", saying ..."
    if (cue.participle) {
      if (
        !isComma(tokens[i - 1]) &&
        !(CLOSING_QUOTES.has(tokens[i - 1]?.text ?? '') && isComma(tokens[i - 2]))
      )
        continue;
      const c = contentAfter(i, cue);
      if (!c) continue;
      const prev = lastFrame();
      const cs = c.quote ? c.quote.start : tokens[c.token]!.start;
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
      if (!c.quote) i = c.token - 1;
      continue;
    }

    // "X quoted Y as saying (that) ..."
    if (cue.lemma === 'quote') {
      const sub = subjectBefore(i, 0);
      let e = i + 1;
      while (e < n && keys[e] !== 'as' && e - i < 10) e++;
      if (keys[e] !== 'as' || keys[e + 1] !== 'saying' || !sub) continue;
      const y = interpretEnglishPhrase(tokens, keys, i + 1, e, gazetteer);
      const x = interpretEnglishPhrase(tokens, keys, sub.start, sub.end, gazetteer);
      const k =
        keys[e + 2] === 'that' || tokens[e + 2]?.text === ':' || tokens[e + 2]?.text === ','
          ? e + 3
          : e + 2;
      if (!y.length || k >= n) continue;
      const q = input.quotes.find((r) => r.start === tokens[k]!.start);
      frames.push({
        cueStart: t.start,
        cueEnd: tokens[e + 1]!.end,
        speakers: y,
        via: x.filter(isOutletMention), // a spokesman quoting a minister is not a relay
        contentStart: q ? q.start : tokens[k]!.start,
        contentEnd: q ? q.end : input.end,
        apparatus: [{ start: tokens[sub.start]!.start, end: tokens[k]!.start }],
        quoteBound: Boolean(q),
      });
      i = k - 1;
      continue;
    }
    if (cue.lemma === 'cite' || cue.lemma === 'urge' || cue.lemma === 'accuse') continue;

    // Inverted, sentence-final: "..., said X." / "“...,” said X, the ..."
    const prevTok = tokens[i - 1];
    const afterQuoteOrComma =
      prevTok && (isComma(prevTok) || CLOSING_QUOTES.has(prevTok.text) || prevTok.text === '"');
    if (afterQuoteOrComma && i > 1 && cue.lemma !== 'tell') {
      const e = phraseEnd(i + 1);
      const speakers = e > i + 1 ? interpretEnglishPhrase(tokens, keys, i + 1, e, gazetteer) : [];
      const restIsApposition =
        e >= n ||
        isComma(tokens[e]) ||
        tokens[e]!.text === '.' ||
        keys[e] === 'on' ||
        keys[e] === 'in' ||
        keys[e] === 'at' ||
        keys[e] === 'citing' ||
        keys[e] === 'who';
      if (
        (speakers.length && restIsApposition && speakers[0]!.form !== 'pronoun') ||
        (speakers.length && speakers[0]!.form === 'pronoun' && restIsApposition)
      ) {
        const frame = finalFrame(i, i, e, speakers);
        if (frame) {
          frames.push(frame);
          i = n;
          continue;
        }
      }
    }

    // subject before the cue
    const floor = (() => {
      const prev = frames[frames.length - 1];
      if (!prev) return 0;
      if (prev.contentEnd > t.start && !prev.quoteBound) {
        // "the army said ..., whereas the group said ...": a new subject after a clause break
        let b = i - 1;
        while (b > 0 && tokens[b]!.start > prev.contentStart && !CLAUSE_BREAK.has(keys[b]!)) b--;
        return CLAUSE_BREAK.has(keys[b]!) ? b + 1 : n;
      }
      const k = tokens.findIndex((x) => x.start >= prev.contentEnd);
      return k < 0 ? n : Math.max(0, Math.min(k, i));
    })();
    // agentless passive: "It was reported that ...", "it has been announced that ..."
    const passiveAt = keys[i - 1] === 'been' ? i - 2 : i - 1;
    if (
      ['was', 'is', 'has', 'had', 'have'].includes(keys[passiveAt] ?? '') &&
      (keys[passiveAt - 1] === 'it' || keys[passiveAt] === 'has' || keys[passiveAt] === 'had')
    ) {
      // "Drones flew low over the valley, it was reported."
      if (
        keys[passiveAt - 1] === 'it' &&
        isComma(tokens[passiveAt - 2]) &&
        (i + 1 >= n || tokens[i + 1]!.text === '.')
      ) {
        const frame = finalFrame(passiveAt - 1, i, i + 1, [], true);
        if (frame) {
          frames.push({ ...frame, agentless: true });
          i = n;
          continue;
        }
      }
      const c = keys[i + 1] === 'that' ? { token: i + 2 } : null;
      if (c && tokens[c.token] && keys[passiveAt - 1] === 'it') {
        const cs = tokens[c.token]!.start;
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
        i = c.token - 1;
        continue;
      }
    }
    // a second verb of the same subject: "the army said ..., and claimed that ..."
    const prevFrame = frames[frames.length - 1];
    if (
      keys[i - 1] === 'and' &&
      prevFrame &&
      prevFrame.speakers.length > 0 &&
      prevFrame.contentEnd > t.start &&
      !prevFrame.quoteBound
    ) {
      const c = contentAfter(i, cue);
      if (c) {
        const cs = c.quote ? c.quote.start : tokens[c.token]!.start;
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
        i = c.quote ? tokens.findIndex((x) => x.start >= c.quote!.end) - 1 : c.token - 1;
        if (i < -1) break;
        continue;
      }
    }
    const sub = subjectBefore(i, floor);
    if (!sub) continue;
    const subjectTokens = tokens.slice(sub.start, sub.end).filter((x) => x.word);
    let speakers = interpretEnglishPhrase(tokens, keys, sub.start, sub.end, gazetteer);
    let agentless = false;
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
        agentless = subjectTokens[0]!.key !== 'it' || ['was', 'is', 'been'].includes(keys[i - 1]!);
      }
    }
    if (keys[i - 1] === 'was' || keys[i - 1] === 'been' || keys[i - 1] === 'is') {
      // passive: "it was reported that" (agentless); "X was quoted" handled above
      if (keys[sub.start] === 'it' || agentless) agentless = true;
      else continue;
    }
    if (!agentless && speakers.length === 0) continue;
    if (agentless) speakers = [];
    if (sub.anonymous) for (const s of speakers) s.anonymous = true;

    // Sentence-final with the subject first: "..., X said." / "“...,” she said on Monday."
    const beforeSubject = tokens[sub.start - 1];
    if (
      beforeSubject &&
      (isComma(beforeSubject) ||
        CLOSING_QUOTES.has(beforeSubject.text) ||
        beforeSubject.text === '"') &&
      sub.start > 1
    ) {
      // what follows the cue up to the full stop is only an adjunct: "on Monday", "told AFP
      // by telephone"; "the army said naval units had ..." is not a final attribution
      let e = i + 1;
      if (keys[i] === 'told') e = recipientEnd(e);
      while (e < n && e - i < 10 && tokens[e]!.word && isAdjunctWord(tokens[e]!)) e++;
      const citing = keys[e] === 'citing' || (isComma(tokens[e]) && keys[e + 1] === 'citing');
      if (
        e >= n ||
        tokens[e]!.text === '.' ||
        citing ||
        (isComma(tokens[e]) && keys[e + 1] !== 'that')
      ) {
        const frame = finalFrame(sub.start, i, e, speakers, agentless);
        if (frame) {
          frames.push(frame);
          i = e - 1;
          continue;
        }
      }
    }

    // "X reported, citing Y, that ..." / "X said (that) ..."
    let via: MentionInfo[] = [];
    let j = i;
    if ((isComma(tokens[i + 1]) && keys[i + 2] === 'citing') || keys[i + 1] === 'citing') {
      const c = keys[i + 1] === 'citing' ? i + 2 : i + 3;
      let ce = c;
      while (ce < n && isNounPhraseToken(tokens[ce]!, gazetteer, keys, ce) && !isComma(tokens[ce]))
        ce++;
      const cited = interpretEnglishPhrase(tokens, keys, c, ce, gazetteer);
      if (cited.length) {
        via = speakers;
        speakers = cited;
        j = ce - 1;
      }
    }
    const c = contentAfter(j, cue);
    if (!c) continue;
    via.push(...c.via);
    const cs = c.quote ? c.quote.start : tokens[c.token]!.start;
    frames.push({
      cueStart: t.start,
      cueEnd: t.end,
      speakers,
      via,
      contentStart: cs,
      contentEnd: c.quote ? c.quote.end : contentStop(input.text, cs, input.end),
      apparatus: [{ start: tokens[leadIn(sub.start, floor)]!.start, end: cs }],
      quoteBound: Boolean(c.quote),
      agentless,
    });
    i = c.quote ? tokens.findIndex((x) => x.start >= c.quote!.end) - 1 : c.token - 1;
    if (i < -1) break;
  }

  /** A frame whose content comes before it: the quote or clause that ends at `from`. */
  function finalFrame(
    from: number,
    cueAt: number,
    end: number,
    speakers: MentionInfo[],
    agentless = false,
  ): Frame | null {
    const stop = tokens[from]!.start;
    let via: MentionInfo[] = [];
    let sp = speakers;
    // "..., Reuters reported, citing officials."
    let k = end;
    if (isComma(tokens[k])) k++;
    if (keys[k] === 'citing') {
      let ce = k + 1;
      while (ce < n && isNounPhraseToken(tokens[ce]!, gazetteer, keys, ce) && !isComma(tokens[ce]))
        ce++;
      const cited = interpretEnglishPhrase(tokens, keys, k + 1, ce, gazetteer);
      if (cited.length) {
        via = sp;
        sp = cited;
      }
    }
    if (tokens[cueAt] && keys[cueAt] === 'told') {
      let r = cueAt + 1;
      while (r < n && r - cueAt < 5 && tokens[r]!.word && !PREPOSITIONS.has(keys[r]!)) r++;
      for (const m of interpretEnglishPhrase(tokens, keys, cueAt + 1, r, gazetteer))
        if (m.gazetteer?.kind === 'outlet' || m.gazetteer?.kind === 'agency') via.push(m);
    }
    const prev = frames[frames.length - 1];
    const floorAt = prev && prev.contentEnd <= stop ? prev.contentEnd : input.start;
    const q = input.quotes.find(
      (x) => x.end <= stop && x.end >= stop - 3 && /^[\s,]*$/.test(input.text.slice(x.end, stop)),
    );
    if (q && q.start < floorAt && !(q.start < input.start)) return null;
    const contentStart = q ? q.start : floorAt;
    const contentEnd = q ? q.end : stop;
    if (contentEnd <= contentStart) return null;
    const lastTok = tokens[tokens.length - 1]!;
    return {
      cueStart: tokens[cueAt]!.start,
      cueEnd: tokens[cueAt]!.end,
      speakers: sp,
      via,
      contentStart,
      contentEnd,
      apparatus: [{ start: stop, end: lastTok.end }],
      quoteBound: Boolean(q),
      agentless,
    };
  }

  return frames;
}
