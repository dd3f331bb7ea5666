import type { Gazetteer } from '../gazetteer/gazetteer';
import { arabicCue, type ArabicCueForm } from '../lexicon/arabic-index';
import { quoteAt, type QuoteRegion } from '../text/quotes';
import { isQuoteMark, OPENING_QUOTES, type Token, type TokenIndex } from '../text/tokens';
import { anonymityAt, complementAt, type Complement } from './arabic-complement';
import { recipientAt } from './arabic-cue-speakers';
import { INTERVIEW, MAX_GAP, NOUN_CONTENT } from './arabic-frames.lexicon';
import { parseArabicSpeakers } from './arabic-noun-phrase';
import type { ArabicPhraseContext } from './arabic-phrase-context';
import { isOutletMention, type Frame, type MentionInfo } from './frame';

export interface ArabicFrameInput {
  text: string;
  start: number;
  end: number;
  quotes: readonly QuoteRegion[];
  gazetteer: Gazetteer;
  index: TokenIndex;
}

/**
 * One sentence as the frame patterns read it. The frames found so far are kept here because
 * later patterns look back on them: a participle goes on from the last one, and an
 * according-to phrase may add its relay to it.
 */
export class ArabicSentence {
  readonly tokens: Token[];
  readonly keys: string[];
  readonly ctx: ArabicPhraseContext;
  readonly frames: Frame[] = [];
  /** Content of a frame: only participles and fresh clauses start frames there. */
  blockedUntil = -1;

  constructor(readonly input: ArabicFrameInput) {
    this.tokens = input.index.slice(input.start, input.end);
    this.keys = this.tokens.map((t) => t.key);
    this.ctx = {
      tokens: this.tokens,
      keys: this.keys,
      gazetteer: input.gazetteer,
      limit: this.tokens.length,
    };
  }

  insideQuote(tok: Token): boolean {
    const q = quoteAt(this.input.quotes, tok.start);
    return q !== undefined && q.start !== tok.start;
  }

  /**
   * The complement of a cue, looked for from token `from` on across its subject and adjuncts.
   * Recipients that are outlets («لوكالة X») join `via`, and «نقلاً عن Y» makes the speakers
   * relays of Y, so both arrays may change.
   */
  findComplement(
    from: number,
    cue: ArabicCueForm,
    speakers: MentionInfo[],
    via: MentionInfo[],
  ): { complement: Complement; anonymous: boolean; gapEnd: number } | null {
    const { tokens, keys, ctx } = this;
    let anonymous = false;
    for (let k = from; k < Math.min(tokens.length, from + MAX_GAP); k++) {
      const t = tokens[k]!;
      const anon = anonymityAt(keys, k);
      if (anon > 0) {
        anonymous = true;
        k += anon - 1;
        continue;
      }
      const c = complementAt(ctx, k, cue, this.input.quotes);
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
      if (isQuoteMark(t.text) && OPENING_QUOTES.has(t.text) && this.insideQuote(t)) continue;
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
        if (r && r.mentions.every(isOutletMention)) {
          via.push(...r.mentions);
          k = r.end - 1;
        }
      }
    }
    return null;
  }

  /** The quotation that ends right before token `i` («"..."، قال»), if any. */
  quoteBeforeCue(i: number): QuoteRegion | undefined {
    const { tokens } = this;
    let k = i - 1;
    if (tokens[k]?.text === '،' || tokens[k]?.text === ',') k--;
    const closer = tokens[k];
    if (!closer || closer.word) return undefined;
    const q = this.input.quotes.find((r) => r.closed && r.end === closer.end);
    return q && q.words >= 2 ? q : undefined;
  }

  pushFrame(frame: Frame): void {
    this.frames.push(frame);
    this.blockedUntil = frame.quoteBound ? frame.contentEnd : this.input.end;
  }

  contentOf(
    c: Complement,
  ): { contentStart: number; contentEnd: number; quoteBound: boolean } | null {
    if (c.quote) return { contentStart: c.quote.start, contentEnd: c.quote.end, quoteBound: true };
    const t = this.tokens[c.contentToken];
    if (!t) return null;
    return {
      contentStart: c.contentStart ?? t.start,
      contentEnd: this.input.end,
      quoteBound: false,
    };
  }

  /** Where the loop goes on after content that ends at `offset`: past the sentence if nothing follows. */
  resumeAfter(offset: number): number {
    const k = this.tokens.findIndex((x) => x.start >= offset);
    return k < 0 ? this.tokens.length : k - 1;
  }
}
