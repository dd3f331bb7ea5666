import { ClaimBuilder } from './claims/claim-builder';
import { findArabicFrames } from './frames/arabic-frames';
import { findEnglishFrames } from './frames/english-frames';
import { parseArabicSpeakers } from './frames/arabic-noun-phrase';
import { interpretEnglishPhrase } from './frames/english-noun-phrase';
import { droppedSubject, type Frame, type MentionInfo } from './frames/frame';
import { defaultGazetteer, type Gazetteer } from './gazetteer/gazetteer';
import { spotNames } from './sources/name-spotter';
import { SourceRegistry } from './sources/source-registry';
import { normalize, normalizeKey, toOriginal } from './text/normalizer';
import { TokenIndex } from './text/tokens';
import { findQuotes, quoteAt, type QuoteRegion } from './text/quotes';
import { detectLanguage, segment, type Paragraph } from './text/segmentation';
import type { Claim, ExtractionResult, ExtractOptions, Language } from './types';

/** Headline labels that are not speakers: «عاجل: ...», "Analysis: ...". */
const HEADLINE_LABELS = new Set(
  [
    'عاجل',
    'فيديو',
    'بالفيديو',
    'بالصور',
    'صور',
    'تقرير',
    'خاص',
    'حصري',
    'تحليل',
    'رأي',
    'مقال',
    'تحقيق',
    'حوار',
    'breaking',
    'update',
    'updated',
    'analysis',
    'exclusive',
    'watch',
    'opinion',
    'live',
    'explainer',
    'interview',
    'video',
    'photos',
    'editorial',
    'comment',
  ].map(normalizeKey),
);

/** A headline "X: ..." is attributed to X with the cue ":" (GUIDELINES.md). */
function headlineFrame(
  index: TokenIndex,
  paragraph: Paragraph,
  language: Language,
  gazetteer: Gazetteer,
): Frame | null {
  const tokens = index.slice(paragraph.start, paragraph.end);
  const colon = tokens.findIndex((t) => t.text === ':');
  if (colon < 1 || colon > 5) return null;
  const prefix = tokens.slice(0, colon);
  if (
    !prefix.every(
      (t) =>
        t.word ||
        t.text === '"' ||
        t.text === '«' ||
        t.text === '»' ||
        t.text === '.' ||
        t.text === "'",
    )
  )
    return null;
  // a speaker is named by words: «»: or "": before the colon names no one
  if (!prefix.some((t) => t.word)) return null;
  if (prefix.some((t) => HEADLINE_LABELS.has(t.key))) return null;
  const rest = tokens.slice(colon + 1).filter((t) => t.word);
  if (rest.length < 3) return null;
  const keys = tokens.map((t) => t.key);
  let speakers: MentionInfo[] = [];
  if (language === 'ar') {
    const sp = parseArabicSpeakers({ tokens, keys, gazetteer, limit: colon }, 0);
    if (sp && sp.end === colon) speakers = sp.mentions;
  } else speakers = interpretEnglishPhrase(tokens, keys, 0, colon, gazetteer);
  const first = prefix[0]!;
  const last = prefix[prefix.length - 1]!;
  if (speakers.length === 0)
    speakers = [
      {
        start: first.start,
        end: last.end,
        form: 'named',
        name: { start: first.start, end: last.end },
        modifiers: [],
        number: 'sg',
      },
    ];
  for (const m of speakers) m.headline = true;
  const contentStart = tokens[colon + 1]!.start;
  return {
    cueStart: tokens[colon]!.start,
    cueEnd: tokens[colon]!.end,
    speakers,
    via: [],
    contentStart,
    contentEnd: paragraph.end,
    apparatus: [{ start: paragraph.start, end: contentStart }],
  };
}

/**
 * Quotations that stand alone after a speaker has been quoted (“...,” she said. “More.”)
 * continue that speaker, as news copy does; so does a paragraph that is one quotation.
 */
function continuationFrames(
  paragraph: Paragraph,
  frames: readonly Frame[],
  quotes: readonly QuoteRegion[],
  previousHadFrames: boolean,
): Frame[] {
  const out: Frame[] = [];
  const covers = (f: Frame, a: number, b: number) =>
    (f.contentStart < b && f.contentEnd > a) || f.apparatus.some((x) => x.start < b && x.end > a);
  for (const s of paragraph.sentences) {
    const q = quoteAt(quotes, s.start);
    if (!q || q.words < 3 || q.start < paragraph.bodyStart) continue;
    if (frames.some((f) => covers(f, s.start, s.end)) || out.some((f) => covers(f, s.start, s.end)))
      continue;
    const earlier =
      frames.some((f) => f.speakers.length > 0 && f.cueStart < s.start) || previousHadFrames;
    if (!earlier) continue;
    const start = Math.max(q.start, s.start);
    out.push({
      cueStart: start,
      cueEnd: start,
      speakers: [droppedSubject(start)],
      via: [],
      contentStart: start,
      contentEnd: Math.min(q.end, paragraph.end),
      apparatus: [],
      quoteBound: true,
    });
  }
  return out;
}

/**
 * Turns one article into attributed claims and the sources they come from.
 * Pure: no I/O, no clock, no randomness; the same text gives the same result.
 */
export function extract(
  input: string,
  options: ExtractOptions = {},
  gazetteer: Gazetteer = defaultGazetteer(),
): ExtractionResult {
  const text = typeof input === 'string' ? input : '';
  const nt = normalize(text);
  const language = options.language ?? detectLanguage(nt.text);
  const seg = segment(nt.text, language);
  const registry = new SourceRegistry(nt, language, gazetteer);
  const index = new TokenIndex(nt.text);
  const publisher =
    options.publisher ??
    (seg.datelineSource
      ? nt.original.slice(
          toOriginal(nt, seg.datelineSource.start, seg.datelineSource.end).start,
          toOriginal(nt, seg.datelineSource.start, seg.datelineSource.end).end,
        )
      : undefined);
  const builder = new ClaimBuilder({ nt, language, gazetteer, registry, publisher, index });

  const findFrames = (
    paragraph: Paragraph,
    quotes: readonly QuoteRegion[],
    start: number,
    end: number,
    previous: Frame[],
  ): Frame[] =>
    language === 'ar'
      ? findArabicFrames({ text: nt.text, start, end, quotes, gazetteer, index })
      : findEnglishFrames({
          text: nt.text,
          start,
          end,
          quotes,
          gazetteer,
          paragraph,
          previous,
          index,
        });
  let previousHadFrames = false;
  for (const paragraph of seg.paragraphs) {
    const quotes = findQuotes(nt.text, paragraph.start, paragraph.end);
    if (paragraph.furniture) continue;
    if (paragraph.headline) {
      // "X: ..." or a headline with its own cue ("..., officials say"; «وزير: ...»)
      const colon = headlineFrame(index, paragraph, language, gazetteer);
      const frames = colon
        ? [colon]
        : findFrames(paragraph, quotes, paragraph.start, paragraph.end, []);
      const sentence = paragraph.sentences[0];
      if (frames.some((f) => f.speakers.length > 0))
        builder.addParagraph(paragraph, frames, quotes);
      else if (sentence) builder.addHeadline(paragraph, sentence, quotes);
      continue;
    }
    const frames: Frame[] = [];
    let covered = -1;
    for (const s of paragraph.sentences) {
      if (s.end <= covered) continue;
      const found = findFrames(paragraph, quotes, Math.max(s.start, covered), s.end, frames);
      for (const f of found)
        if (f.quoteBound && f.contentEnd > s.end) covered = Math.max(covered, f.contentEnd);
      frames.push(...found);
    }
    frames.push(...continuationFrames(paragraph, frames, quotes, previousHadFrames));
    previousHadFrames = frames.some((f) => f.speakers.length > 0);
    for (const m of spotNames(index, paragraph.bodyStart, paragraph.end, language, gazetteer))
      registry.notice(m);
    builder.addParagraph(paragraph, frames, quotes);
  }

  const { sources, ref } = registry.finish();
  const claims: Claim[] = [...builder.claims]
    .sort((a, b) => a.start - b.start)
    .map((c) => {
      const o = toOriginal(nt, c.start, c.end);
      return {
        text: text.slice(o.start, o.end),
        start: o.start,
        end: o.end,
        sentence: c.sentence,
        type: c.type,
        cue: c.cue,
        sources: c.sources.map(ref),
        via: c.via.map(ref),
        checkworthiness: c.checkworthiness,
      };
    })
    .filter((c) => c.end > c.start);
  return { language, claims, sources };
}
