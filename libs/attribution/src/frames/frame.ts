import type { GazetteerEntry } from '../gazetteer/gazetteer';
import type { HeadNoun, Modifier } from '../lexicon/source-nouns.lexicon';

export type GrammaticalNumber = 'sg' | 'pl';
export type Gender = 'm' | 'f';

/**
 * One mention of a speaker as the frame finders saw it (offsets into the normalised
 * text). The source registry later decides which article-level source it belongs to.
 */
export interface MentionInfo {
  start: number;
  end: number;
  /**
   * named: a person or organisation name; gazetteer: a known entry; description: a common
   * noun phrase («مصدر دبلوماسي», "a senior official"); anaphor: a definite description that
   * refers back («الدبلوماسي», "the official"); pronoun: he, she, they; dropped: the subject
   * of «وأضاف» that Arabic leaves out.
   */
  form: 'named' | 'gazetteer' | 'description' | 'anaphor' | 'pronoun' | 'dropped';
  gazetteer?: GazetteerEntry;
  head?: HeadNoun;
  modifiers: Modifier[];
  /** The country of a nationality adjective («أمريكيين», "U.S."). */
  nationality?: GazetteerEntry;
  /** A proper name inside the phrase (offsets into the normalised text). */
  name?: { start: number; end: number };
  number: GrammaticalNumber;
  gender?: Gender;
  /** The short name a headline gives its speaker («الصحة: ...»), resolved against the body. */
  headline?: boolean;
  /** «المسؤول ذاته», "the same official": must refer back to a source already quoted. */
  same?: boolean;
  /** A definite description ("the ministry spokesman"), which may refer back. */
  definite?: boolean;
  /** The head word as written, for English display names ("dock worker", "spokeswoman"). */
  headWord?: string;
  /** The phrase says the speaker is anonymous (relative clause, "on condition of anonymity"). */
  anonymous?: boolean;
}

/** A reporting event: a cue, who spoke, through whom, and where the content is. */
export interface Frame {
  cueStart: number;
  cueEnd: number;
  speakers: MentionInfo[];
  /** Outlets that relayed the words, outermost first. */
  via: MentionInfo[];
  contentStart: number;
  contentEnd: number;
  /** Where the frame's own words (cue, source, complementiser) lie, to keep out of other claims. */
  apparatus: { start: number; end: number }[];
  /** Speech reported with no speaker («أفادت معلومات», "it was reported"). */
  agentless?: boolean;
  /** The content is everything in one quotation (it ends at the closing mark). */
  quoteBound?: boolean;
  /**
   * The frame this one goes on from («مبيناً أن», ", adding that", "and claimed that"): its
   * speakers and relays, joint ones included, speak here too.
   */
  continues?: Frame;
}

/** The subject a verb leaves unsaid («وأضاف», "he added" with no antecedent yet). */
export function droppedSubject(
  at: number,
  number: GrammaticalNumber = 'sg',
  gender?: Gender,
): MentionInfo {
  return { start: at, end: at, form: 'dropped', modifiers: [], number, gender };
}

/** A news outlet or agency: when it cites someone it relays their words rather than speaking. */
export const isOutletMention = (m: MentionInfo): boolean =>
  m.gazetteer?.kind === 'outlet' || m.gazetteer?.kind === 'agency' || Boolean(m.head?.outletType);
