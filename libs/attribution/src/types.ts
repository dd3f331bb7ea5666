/** The extraction contract (shared/contracts/extraction.md), as TypeScript types. */

export type Language = 'ar' | 'en';

export const LANGUAGES = ['ar', 'en'] as const;

export const CLAIM_TYPES = ['direct_quote', 'indirect', 'mixed', 'unattributed'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export const SOURCE_KINDS = [
  'outlet',
  'person',
  'person_group',
  'official_group',
  'government',
  'organization',
  'agency',
  'unknown',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A reference from a claim to one of the article's sources. */
export interface SourceRef {
  id: string;
  name: string;
  /** The mention as it stands in the text for this claim (or the closest earlier one). */
  mention: string;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Claim {
  text: string;
  start: number;
  end: number;
  sentence: number;
  type: ClaimType;
  cue: string | null;
  sources: SourceRef[];
  via: SourceRef[];
  checkworthiness: number;
}

export interface Source {
  id: string;
  name: string;
  kind: SourceKind;
  /** true when the identity is withheld, false when named, null when unclear. */
  anonymous: boolean | null;
  mentions: Span[];
}

export interface ExtractionResult {
  language: Language;
  claims: Claim[];
  sources: Source[];
}

export interface ExtractOptions {
  /** Overrides language detection. */
  language?: Language;
  /**
   * The outlet that published the article, when known (name or alias). It is never put in
   * a claim's `via`: «قال لـ"الشرق الأوسط"» in an Asharq Al-Awsat article is first-hand.
   */
  publisher?: string;
}
