import { normalize } from './normalizer';

const MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/**
 * The text two claims are compared by when looking for claims that say the same thing
 * (claims store it as `normalized_text`; see trigramSimilarity). Deterministic, and the
 * same in every locale:
 *
 * 1. the match-key normaliser ({@link normalize}): Arabic diacritics, tatweel and invisible
 *    marks dropped; أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي; Arabic-Indic digits → ASCII;
 *    presentation forms folded;
 * 2. compatibility decomposition (NFKD) with every combining mark dropped, so «é» is «e»
 *    and ligatures such as «ﬁ» are their letters;
 * 3. lower case (Unicode's default mapping, not the locale's);
 * 4. every run of anything but letters and digits (punctuation, quotation marks, spaces)
 *    becomes one space, and the ends are trimmed.
 *
 * «قَالَ الوزيرُ إنّ الهجومَ» and «قال الوزير ان الهجوم» give the same key, and so do
 * "The strike, officials said, killed 12." and "the strike officials said killed 12".
 */
export function similarityKey(text: string): string {
  return normalize(text)
    .text.normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(NOT_LETTER_OR_DIGIT, ' ')
    .trim();
}
