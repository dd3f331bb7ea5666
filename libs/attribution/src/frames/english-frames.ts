import { ENGLISH_CUES } from '../lexicon/english.lexicon';
import {
  accordingTo,
  invertedSaid,
  participleContinuation,
  quotedAsSaying,
  withSaying,
} from './english-cue-patterns';
import { EnglishSentence, type EnglishFrameInput } from './english-sentence';
import { agentlessPassive, coordinatedVerb, subjectFirst } from './english-subject-patterns';
import type { Frame } from './frame';

export type { EnglishFrameInput } from './english-sentence';

/** Their object is a person or a thing ("urged X to", "accused X of"), not the words spoken. */
const OBJECT_VERBS = new Set(['cite', 'urge', 'accuse']);

/**
 * Finds the reporting frames of one English sentence: "X said (that) ...", "..., X said",
 * "“...,” said X", "according to X", "X told Reuters", "X reported, citing Y",
 * "X quoted Y as saying", ", adding that ...", "it was reported that ...".
 *
 * At each token the patterns are tried in this order, and the first that applies ends the
 * search there: it records its frames and says which token to go on from.
 */
export function findEnglishFrames(input: EnglishFrameInput): Frame[] {
  const s = new EnglishSentence(input);
  for (let i = 0; i < s.n; i++) {
    const t = s.tokens[i]!;
    if (!t.word || s.inQuote(t)) continue;
    const according = accordingTo(s, i);
    if (according !== null) {
      i = according;
      continue;
    }
    const cue = ENGLISH_CUES.get(s.keys[i]!);
    if (!cue) continue;
    if (/^[A-Z]/.test(t.text) && i > 0) continue; // "Reports" as a name, "Says" in a title
    i =
      withSaying(s, i, cue) ??
      participleContinuation(s, i, cue) ??
      quotedAsSaying(s, i, cue) ??
      (OBJECT_VERBS.has(cue.lemma) ? i : null) ??
      invertedSaid(s, i, cue) ??
      agentlessPassive(s, i) ??
      coordinatedVerb(s, i, cue) ??
      subjectFirst(s, i, cue);
  }
  return s.frames;
}
