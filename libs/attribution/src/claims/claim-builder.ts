import type { Frame } from '../frames/frame';
import type { Gazetteer } from '../gazetteer/gazetteer';
import type { EntityRef, SourceRegistry } from '../sources/source-registry';
import { toOriginal, type NormalizedText } from '../text/normalizer';
import { quoteAt, type QuoteRegion } from '../text/quotes';
import type { Paragraph, Sentence } from '../text/segmentation';
import { ENGLISH_CUES } from '../lexicon/english.lexicon';
import { CLOSING_QUOTES, OPENING_QUOTES, countWords, type TokenIndex } from '../text/tokens';
import type { ClaimType, Language } from '../types';
import { checkworthiness } from './checkworthiness';

/** A claim before its sources get their final ids. */
export interface DraftClaim {
  start: number;
  end: number;
  sentence: number;
  type: ClaimType;
  cue: string | null;
  sources: EntityRef[];
  via: EntityRef[];
  checkworthiness: number;
}

interface Piece {
  start: number;
  end: number;
}

const TRAILING = /[\s.،,؛;:!\-–—]/u;
const LEADING = /[\s،,؛;:\-–—]/u;
/** Words that open a second clause under the same cue: «، وإن ...», ", and that ...". */
const SECOND_CLAUSE_AR = /^(?:وان|وانه|وانها|وانهم|وبان|وبانه|وبانها)$/;
const BREAKERS_AR = new Set(['فيما', 'بينما', 'وبينما', 'وفيما']);
const BREAKERS_EN = new Set(['while', 'whereas']);
const EN_DANGLING = new Set([
  'that',
  'which',
  'who',
  'whom',
  'while',
  'whereas',
  'and',
  'but',
  'as',
  'although',
  'though',
  'because',
]);
const AR_DANGLING = new Set(['و', 'فيما', 'بينما', 'التي', 'الذي', 'الذين', 'حيث']);

/** A quotation of this many words or more makes a paraphrase "mixed". */
const QUOTE_WORDS_FOR_MIXED = 3;

export interface ClaimBuilderContext {
  nt: NormalizedText;
  language: Language;
  gazetteer: Gazetteer;
  registry: SourceRegistry;
  index: TokenIndex;
  publisher?: string;
}

/**
 * Claims never overlap: where two do, the attributed one (or else the longer one) keeps its
 * span and the other keeps what lies outside it, if that is still a statement.
 */
export function withoutOverlaps(claims: DraftClaim[], text: string): DraftClaim[] {
  const rank = (c: DraftClaim) => (c.type === 'unattributed' ? 0 : 1) * 1e9 + (c.end - c.start);
  const kept: DraftClaim[] = [];
  for (const c of [...claims].sort((a, b) => rank(b) - rank(a))) {
    let pieces: Piece[] = [{ start: c.start, end: c.end }];
    for (const k of kept) {
      pieces = pieces.flatMap((p) => {
        if (p.end <= k.start || p.start >= k.end) return [p];
        const out: Piece[] = [];
        if (p.start < k.start) out.push({ start: p.start, end: k.start });
        if (p.end > k.end) out.push({ start: k.end, end: p.end });
        return out;
      });
    }
    for (const p of pieces) {
      let { start, end } = p;
      while (start < end && LEADING.test(text[start]!)) start++;
      while (end > start && TRAILING.test(text[end - 1]!)) end--;
      if (countWords(text.slice(start, end)) >= (c.type === 'unattributed' ? 3 : 1))
        kept.push({ ...c, start, end });
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

export class ClaimBuilder {
  readonly claims: DraftClaim[] = [];
  /** Who each frame resolved to, for the frames that continue it. */
  private readonly resolved = new Map<Frame, { speakers: EntityRef[]; via: EntityRef[] }>();

  constructor(private readonly ctx: ClaimBuilderContext) {}

  private trim(p: Piece): Piece {
    const t = this.ctx.nt.text;
    let { start, end } = p;
    while (start < end && LEADING.test(t[start]!)) start++;
    while (end > start && TRAILING.test(t[end - 1]!)) end--;
    return { start, end };
  }

  /**
   * Drops words left hanging where an attribution was cut out: "a building that" (Israel said
   * ...), "on Sunday, while" (the ministry said ...).
   */
  private trimDanglingWords(p: Piece): Piece {
    const t = this.ctx.nt.text;
    let { start, end } = this.trim(p);
    const dangling = this.ctx.language === 'en' ? EN_DANGLING : AR_DANGLING;
    if (this.ctx.language === 'en') {
      // ", as engineers worked ...", ", while the southern suburbs ...": the clause without its link
      const lead = /^(?:as|while|whereas|and|but)\s+/i.exec(t.slice(start, end));
      if (lead && countWords(t.slice(start + lead[0].length, end)) >= 3) start += lead[0].length;
    }
    for (let guard = 0; guard < 3; guard++) {
      let w = end;
      while (w > start && !/\s/.test(t[w - 1]!)) w--;
      if (w === end || !dangling.has(t.slice(w, end).toLowerCase())) break;
      end = this.trim({ start, end: w }).end;
    }
    return { start, end };
  }

  /** «: "إن الحكومة ..."»: a complementiser just inside the opening quotation mark is left out. */
  private stripInnerComplementiser(p: Piece, outer: Piece): Piece {
    if (this.ctx.language !== 'ar' || p.start === outer.start) return p;
    const m = /^(?:ان|انه|انها|انهم|اننا|بان)\s+/.exec(this.ctx.nt.text.slice(p.start, p.end));
    return m ? { start: p.start + m[0].length, end: p.end } : p;
  }

  /** Removes quotation marks at the edges that do not pair inside the piece. */
  private stripEdgeQuotes(p: Piece, quotes: readonly QuoteRegion[]): Piece {
    const t = this.ctx.nt.text;
    let { start, end } = this.trim(p);
    for (let guard = 0; guard < 3; guard++) {
      const before = { start, end };
      if (OPENING_QUOTES.has(t[start]!) || t[start] === '"') {
        const q = quotes.find((r) => r.start === start);
        if (!q || q.end > end || (q.end === end && q.start === start)) start++;
      }
      if (CLOSING_QUOTES.has(t[end - 1]!) || t[end - 1] === '"') {
        const q = quotes.find((r) => r.end === end);
        if (!q || q.start < start) end--;
      }
      ({ start, end } = this.trim({ start, end }));
      if (before.start === start && before.end === end) break;
    }
    return { start, end };
  }

  private typeOf(p: Piece, quotes: readonly QuoteRegion[], attributed: boolean): ClaimType {
    if (!attributed) return 'unattributed';
    const inside = quoteAt(quotes, p.start);
    if (inside && inside.innerStart <= p.start && inside.innerEnd >= p.end) return 'direct_quote';
    const t = this.ctx.nt.text;
    const partly = quotes.some(
      (q) =>
        q.start < p.end &&
        q.end > p.start &&
        (q.words >= QUOTE_WORDS_FOR_MIXED ||
          // an English phrase in quotes ("beyond repair"), unlike a quoted name ("Saraya al-Wadi")
          (this.ctx.language === 'en' &&
            q.words === 2 &&
            /^[a-z]/.test(t.slice(q.innerStart, q.innerEnd)))),
    );
    return partly ? 'mixed' : 'indirect';
  }

  private emit(
    p: Piece,
    sentence: Sentence,
    type: ClaimType,
    cue: string | null,
    sources: EntityRef[],
    via: EntityRef[],
  ): void {
    if (p.end <= p.start) return;
    const text = this.ctx.nt.text.slice(p.start, p.end);
    if (countWords(text) < (type === 'unattributed' ? 3 : 1)) return;
    this.claims.push({
      start: p.start,
      end: p.end,
      sentence: sentence.index,
      type,
      cue,
      sources,
      via,
      checkworthiness: checkworthiness({
        text,
        attributed: sources.length > 0,
        language: this.ctx.language,
        gazetteer: this.ctx.gazetteer,
        tokens: this.ctx.index.slice(p.start, p.end),
      }),
    });
  }

  /** Splits a stretch at sentence boundaries, so a quote of three sentences gives three claims. */
  private bySentence(
    p: Piece,
    sentences: readonly Sentence[],
  ): { piece: Piece; sentence: Sentence }[] {
    const out: { piece: Piece; sentence: Sentence }[] = [];
    for (const s of sentences) {
      const start = Math.max(p.start, s.start);
      const end = Math.min(p.end, s.end);
      if (end > start) out.push({ piece: { start, end }, sentence: s });
    }
    return out;
  }

  /** Splits content at a second clause under the same cue («، وإنها ...», ", and that ..."). */
  private byClause(p: Piece, quotes: readonly QuoteRegion[]): Piece[] {
    const tokens = this.ctx.index.slice(p.start, p.end);
    const cuts: number[] = [];
    for (let i = 1; i < tokens.length; i++) {
      const tok = tokens[i]!;
      if (quoteAt(quotes, tok.start)) continue;
      const prev = tokens[i - 1]!;
      if (this.ctx.language === 'en' && tok.key === 'and' && tokens[i + 1]?.key === 'that') {
        cuts.push(tokens[i + 2]?.start ?? tok.end);
        continue;
      }
      // "... by the escalation and urged both sides to ...": a second reporting verb
      const verb = ENGLISH_CUES.get(tokens[i + 1]?.key ?? '');
      if (
        this.ctx.language === 'en' &&
        tok.key === 'and' &&
        verb &&
        !verb.participle &&
        /ed$|ld$|id$|ote$/.test(tokens[i + 1]!.key)
      ) {
        const after = tokens[i + 2]?.key === 'that' ? tokens[i + 3] : tokens[i + 2];
        if (after) cuts.push(after.start);
        continue;
      }
      if (prev.text !== '،' && prev.text !== ',') continue;
      if (this.ctx.language === 'ar' && SECOND_CLAUSE_AR.test(tok.key))
        cuts.push(tokens[i + 1]?.start ?? tok.end);
    }
    if (cuts.length === 0) return [p];
    const out: Piece[] = [];
    let s = p.start;
    for (const c of cuts) {
      // the first piece ends before the conjunction that opens the second clause
      const joint = this.ctx.index
        .slice(s, c)
        .filter(
          (x) =>
            x.text === '،' || x.text === ',' || x.key === 'and' || SECOND_CLAUSE_AR.test(x.key),
        );
      const before = joint.length > 0 ? joint[joint.length - 1]!.start : c;
      out.push({ start: s, end: before > s ? before : c });
      s = c;
    }
    out.push({ start: s, end: p.end });
    return out;
  }

  /** Splits the outlet's own long sentences at «فيما», «بينما», "while", ";". */
  private byBreaker(p: Piece, quotes: readonly QuoteRegion[]): Piece[] {
    const t = this.ctx.nt.text;
    const tokens = this.ctx.index.slice(p.start, p.end);
    const breakers = this.ctx.language === 'ar' ? BREAKERS_AR : BREAKERS_EN;
    const out: Piece[] = [];
    let s = p.start;
    for (let i = 1; i < tokens.length - 3; i++) {
      const tok = tokens[i]!;
      if (quoteAt(quotes, tok.start)) continue;
      const prev = tokens[i - 1]!;
      const isBreak =
        tok.text === ';' ||
        tok.text === '؛' ||
        ((prev.text === ',' || prev.text === '،') && breakers.has(tok.key)) ||
        (this.ctx.language === 'ar' &&
          prev.text === '،' &&
          tok.key === 'في' &&
          tokens[i + 1]?.key === 'حين');
      if (!isBreak) continue;
      // English claims leave the conjunction out; Arabic ones keep «فيما» at their start
      const cut =
        tok.text === ';' || tok.text === '؛' || this.ctx.language === 'en' ? tok.end : tok.start;
      if (countWords(t.slice(s, tok.start)) >= 5 && countWords(t.slice(cut, p.end)) >= 5) {
        out.push({ start: s, end: tok.start });
        s = cut;
      }
    }
    out.push({ start: s, end: p.end });
    return out;
  }

  private resolveAll(mentions: Frame['speakers'], asSpeaker: boolean): EntityRef[] {
    const refs: EntityRef[] = [];
    for (const m of mentions) {
      const r = this.ctx.registry.resolve(m, asSpeaker);
      if (r && !refs.some((x) => x.entity === r.entity)) refs.push(r);
    }
    return refs;
  }

  /** The headline: one optional claim in the outlet's voice. */
  addHeadline(paragraph: Paragraph, sentence: Sentence, quotes: readonly QuoteRegion[]): void {
    const p = this.stripEdgeQuotes({ start: paragraph.start, end: paragraph.end }, quotes);
    this.emit(p, sentence, 'unattributed', null, [], []);
  }

  /** Claims of one paragraph from its sentences and the frames found in them. */
  addParagraph(paragraph: Paragraph, frames: Frame[], quotes: readonly QuoteRegion[]): void {
    const { nt } = this.ctx;
    const first = this.claims.length;
    const sentences = paragraph.sentences;
    frames.sort((a, b) => a.cueStart - b.cueStart);
    const covered: Piece[] = [];
    frames.forEach((f, k) => {
      // a continuation speaks with the voices of the frame it continues, joint ones included
      const earlier = f.continues ? this.resolved.get(f.continues) : undefined;
      const speakers = earlier?.speakers ?? this.resolveAll(f.speakers, true);
      let via =
        earlier?.via ??
        this.resolveAll(f.via, false).filter((v) => !speakers.some((s) => s.entity === v.entity));
      via = via.filter((v) => !this.ctx.registry.isPublisher(v.entity, this.ctx.publisher));
      this.resolved.set(f, { speakers, via });
      let end = f.contentEnd;
      if (!f.quoteBound) {
        for (const g of frames.slice(k)) {
          for (const a of g.apparatus)
            if (a.start >= f.contentStart && a.start < end) end = a.start;
        }
        for (const g of frames) {
          if (
            g !== f &&
            g.quoteBound &&
            g.contentStart > f.contentStart &&
            g.contentStart < end &&
            g.cueStart < f.contentStart
          )
            end = g.contentStart;
        }
      }
      covered.push(...f.apparatus, { start: f.contentStart, end });
      const cue = nt.original.slice(
        toOriginal(nt, f.cueStart, f.cueEnd).start,
        toOriginal(nt, f.cueStart, f.cueEnd).end,
      );
      for (const { piece, sentence } of this.bySentence(
        { start: f.contentStart, end },
        sentences,
      )) {
        for (const clause of this.byClause(piece, quotes)) {
          const p = this.stripInnerComplementiser(
            this.stripEdgeQuotes(this.trimDanglingWords(clause), quotes),
            clause,
          );
          const type = this.typeOf(p, quotes, true);
          this.emit(p, sentence, type, cue || null, f.agentless ? [] : speakers, via);
        }
      }
    });
    // the outlet's own voice: whatever no frame covers
    covered.sort((a, b) => a.start - b.start);
    for (const s of sentences) {
      let cursor = s.start;
      const gaps: Piece[] = [];
      for (const c of covered) {
        if (c.end <= cursor || c.start >= s.end) continue;
        if (c.start > cursor) gaps.push({ start: cursor, end: c.start });
        cursor = Math.max(cursor, c.end);
      }
      if (cursor < s.end) gaps.push({ start: cursor, end: s.end });
      for (const g0 of gaps) {
        const g = this.trimDanglingWords(g0);
        const text = nt.text.slice(g.start, g.end).trim();
        if (/[?؟]["”»]?$/.test(text)) continue;
        for (const part of this.byBreaker(this.trim(g), quotes)) {
          this.emit(this.stripEdgeQuotes(part, quotes), s, 'unattributed', null, [], []);
        }
      }
    }
    // claims of different paragraphs never overlap, so this stays linear in the article
    this.claims.push(...withoutOverlaps(this.claims.splice(first), nt.text));
  }
}
