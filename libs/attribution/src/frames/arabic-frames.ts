import { accordingTo } from './arabic-according-to';
import { cueAt, impersonal, participle, verbFrame } from './arabic-cue-patterns';
import { ArabicSentence, type ArabicFrameInput } from './arabic-sentence';
import type { Frame } from './frame';

export type { ArabicFrameInput } from './arabic-sentence';

/**
 * Finds the reporting frames of one Arabic sentence: verb-first («وقال X إن»),
 * subject-first («بغداد أكدت أنها»), relays («نقلت صحيفة X عن Y»), participles
 * («مبيناً أنه»), according-to phrases («بحسب X») and agentless cues («أفادت معلومات»).
 *
 * At each token the patterns are tried in this order, and the first that applies ends the
 * search there: it records its frames and says which token to go on from.
 */
export function findArabicFrames(input: ArabicFrameInput): Frame[] {
  const s = new ArabicSentence(input);
  for (let i = 0; i < s.tokens.length; i++) {
    const t = s.tokens[i]!;
    if (!t.word || s.insideQuote(t)) continue;
    const according = accordingTo(s, i);
    if (according !== null) {
      i = according;
      continue;
    }
    const at = cueAt(s, i);
    if (!at) continue;
    i =
      participle(s, i, at.cue) ??
      impersonal(s, i, at.cue) ??
      verbFrame(s, i, at.cue, at.afterComma);
  }
  return s.frames;
}
