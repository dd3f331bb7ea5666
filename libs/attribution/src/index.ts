export { extract } from './extractor';
export { Gazetteer, defaultGazetteer, type GazetteerEntry } from './gazetteer/gazetteer';
export { normalize, toOriginal, type NormalizedText } from './text/normalizer';
export { detectLanguage } from './text/segmentation';
export { similarityBands } from './text/similarity-bands';
export { similarityKey } from './text/similarity-key';
export { trigramSimilarity, trigramsOf, type TrigramSet } from './text/trigram-similarity';
export { CLAIM_TYPES, LANGUAGES, SOURCE_KINDS } from './types';
export type {
  Claim,
  ClaimType,
  ExtractionResult,
  ExtractOptions,
  Language,
  Source,
  SourceKind,
  SourceRef,
  Span,
} from './types';
