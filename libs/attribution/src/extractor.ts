import { ClaimBuilder } from './claims/claim-builder';
import { findArabicFrames } from './frames/arabic-frames';
import { findEnglishFrames } from './frames/english-frames';
import type { Frame } from './frames/frame';
import { defaultGazetteer, type Gazetteer } from './gazetteer/gazetteer';
import { SourceRegistry } from './sources/source-registry';
import { normalize, toOriginal } from './text/normalizer';
import { findQuotes } from './text/quotes';
import { detectLanguage, segment } from './text/segmentation';
import type { Claim, ExtractionResult, ExtractOptions } from './types';

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
  const publisher =
    options.publisher ??
    (seg.datelineSource
      ? nt.original.slice(
          toOriginal(nt, seg.datelineSource.start, seg.datelineSource.end).start,
          toOriginal(nt, seg.datelineSource.start, seg.datelineSource.end).end,
        )
      : undefined);
  const builder = new ClaimBuilder({ nt, language, gazetteer, registry, publisher });

  for (const paragraph of seg.paragraphs) {
    const quotes = findQuotes(nt.text, paragraph.start, paragraph.end);
    if (paragraph.furniture) continue;
    if (paragraph.headline) {
      const sentence = paragraph.sentences[0];
      if (sentence) builder.addHeadline(paragraph, sentence, quotes);
      continue;
    }
    const frames: Frame[] = [];
    let covered = -1;
    for (const s of paragraph.sentences) {
      if (s.end <= covered) continue;
      const found =
        language === 'ar'
          ? findArabicFrames({
              text: nt.text,
              start: Math.max(s.start, covered),
              end: s.end,
              quotes,
              gazetteer,
            })
          : findEnglishFrames({
              text: nt.text,
              start: Math.max(s.start, covered),
              end: s.end,
              quotes,
              gazetteer,
              paragraph,
              previous: frames,
            });
      for (const f of found)
        if (f.quoteBound && f.contentEnd > s.end) covered = Math.max(covered, f.contentEnd);
      frames.push(...found);
    }
    builder.addParagraph(paragraph, frames, quotes);
  }

  const { sources, ref } = registry.finish();
  const claims: Claim[] = builder.claims
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
