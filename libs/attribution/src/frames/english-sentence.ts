import type { Gazetteer } from '../gazetteer/gazetteer';
import { ENGLISH_AUXILIARIES, ENGLISH_CUES, ENGLISH_PRONOUNS } from '../lexicon/english.lexicon';
import { quoteAt, type QuoteRegion } from '../text/quotes';
import type { Paragraph } from '../text/segmentation';
import { CLOSING_QUOTES, OPENING_QUOTES, type Token, type TokenIndex } from '../text/tokens';
import {
  ANONYMITY,
  APPOSITIVE_OPENERS,
  COMPANY_ABBREVIATIONS,
  DOCUMENT_WORDS,
  englishModifierWord,
  phraseAt,
  PREPOSITIONS,
  RELATIVE_PRONOUNS,
  SUBJECT_BOUNDARY,
  TIME_WORDS,
  TITLES,
} from './english-frames.lexicon';
import { englishHead, interpretEnglishPhrase, isNounPhraseToken } from './english-noun-phrase';
import type { Frame, MentionInfo } from './frame';

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

/** A subject phrase: tokens [start, end), and whether an aside in it withholds the name. */
export interface Subject {
  start: number;
  end: number;
  anonymous: boolean;
}

export const isComma = (t: Token | undefined): boolean =>
  t !== undefined && (t.text === ',' || t.text === ';');

/**
 * One sentence as the frame patterns read it. The frames found so far are kept here because
 * later patterns look back on them: a continuation goes on from the last one, and a final
 * attribution only takes the content after it.
 */
export class EnglishSentence {
  readonly tokens: Token[];
  readonly keys: string[];
  readonly n: number;
  readonly frames: Frame[] = [];

  constructor(readonly input: EnglishFrameInput) {
    this.tokens = input.index.slice(input.start, input.end);
    this.keys = this.tokens.map((t) => t.key);
    this.n = this.tokens.length;
  }

  inQuote(t: Token): boolean {
    const q = quoteAt(this.input.quotes, t.start);
    return q !== undefined && t.start > q.start && t.start < q.end - 1;
  }

  /** The frame found last, in this sentence or before it in the paragraph. */
  lastFrame(): Frame | undefined {
    const { previous } = this.input;
    return this.frames[this.frames.length - 1] ?? previous[previous.length - 1];
  }

  anonymousIn(a: number, b: number): boolean {
    for (let k = a; k < b; k++) if (ANONYMITY.some((p) => phraseAt(this.keys, k, p))) return true;
    return false;
  }

  /** The speakers tokens [a, e) name, with no document read as its author (see speakersOf). */
  phrase(a: number, e: number): MentionInfo[] {
    return interpretEnglishPhrase(this.tokens, this.keys, a, e, this.input.gazetteer);
  }

  /** The speakers a "citing" introduces at `from`: "Reuters reported, citing officials". */
  cited(from: number): { mentions: MentionInfo[]; end: number } {
    const { tokens, keys, n } = this;
    let ce = from;
    while (
      ce < n &&
      isNounPhraseToken(tokens[ce]!, this.input.gazetteer, keys, ce) &&
      !isComma(tokens[ce])
    )
      ce++;
    return { mentions: this.phrase(from, ce), end: ce };
  }

  /** Where the loop goes on after content in a quotation: past the sentence if nothing follows. */
  resumeAfter(quote: QuoteRegion): number {
    const k = this.tokens.findIndex((x) => x.start >= quote.end);
    return k < 0 ? this.n : k - 1;
  }

  /**
   * Where an attribution starts, given its subject: the relative pronoun before it ("a building
   * that Israel said"), or a fronted adjunct or description ending in a comma ("In a
   * statement, the army said"; "The UN refugee agency, UNHCR, said") that says nothing itself.
   */
  leadIn(subject: number, floor: number): number {
    const { tokens, keys } = this;
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
  }

  /** The end of a source phrase that starts at `k`: before a comma, "that", "citing" or a quote. */
  phraseEnd(k: number): number {
    const { tokens, keys, n } = this;
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
  }

  /**
   * The speakers named by tokens [a, e): "a report by The Guardian" is The Guardian,
   * "figures from the central bank" is the central bank, "court documents" stay themselves.
   */
  speakersOf(a: number, e: number): MentionInfo[] {
    const { keys } = this;
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
      const owner = this.phrase(o, e);
      if (owner.length) return owner;
    }
    // "a ministry statement", "health ministry figures": the author before the document
    if (e - 1 > a && DOCUMENT_WORDS.has(keys[e - 1]!)) {
      const author = this.phrase(a, e - 1);
      if (author.length) return author;
    }
    return this.phrase(a, e);
  }

  /** Start of the subject phrase that ends at token `end` (exclusive), scanning back. */
  subjectBefore(end: number, floor: number): Subject | null {
    const { tokens, keys } = this;
    const { gazetteer } = this.input;
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
        (APPOSITIVE_OPENERS.has(first.key) ||
          /^[a-z0-9]/.test(first.text) ||
          this.anonymousIn(c + 1, e));
      if (!appositive || c < floor || !isComma(tokens[c])) {
        e--; // the phrase before this comma is the subject
        break;
      }
      anonymous ||= this.anonymousIn(c + 1, e);
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
        const q = this.input.quotes.find(
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
  }

  /** A frame whose content comes before it: the quote or clause that ends at `from`. */
  finalFrame(
    from: number,
    cueAt: number,
    end: number,
    speakers: MentionInfo[],
    agentless = false,
  ): Frame | null {
    const { tokens, keys, n, input } = this;
    const stop = tokens[from]!.start;
    let via: MentionInfo[] = [];
    let sp = speakers;
    // "..., Reuters reported, citing officials."
    let k = end;
    if (isComma(tokens[k])) k++;
    if (keys[k] === 'citing') {
      const cited = this.cited(k + 1).mentions;
      if (cited.length) {
        via = sp;
        sp = cited;
      }
    }
    if (tokens[cueAt] && keys[cueAt] === 'told') {
      let r = cueAt + 1;
      while (r < n && r - cueAt < 5 && tokens[r]!.word && !PREPOSITIONS.has(keys[r]!)) r++;
      for (const m of this.phrase(cueAt + 1, r))
        if (m.gazetteer?.kind === 'outlet' || m.gazetteer?.kind === 'agency') via.push(m);
    }
    const prev = this.frames[this.frames.length - 1];
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
}
