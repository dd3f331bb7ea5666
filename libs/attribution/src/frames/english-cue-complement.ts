import {
  ENGLISH_CUES,
  ENGLISH_NOUN_CONTENT,
  ENGLISH_STRICT,
  type EnglishCue,
} from '../lexicon/english.lexicon';
import type { QuoteRegion } from '../text/quotes';
import { OPENING_QUOTES } from '../text/tokens';
import {
  ADJUNCT_FILLERS,
  PREPOSITIONS,
  RECIPIENT_WORDS,
  TIME_WORDS,
} from './english-frames.lexicon';
import { englishHead } from './english-noun-phrase';
import { isComma, type EnglishSentence } from './english-sentence';
import { isOutletMention, type MentionInfo } from './frame';

/** Where a cue's content starts, and the outlets it was told to on the way. */
export interface ContentStart {
  token: number;
  quote?: QuoteRegion;
  via: MentionInfo[];
}

/** The end of the phrase a "told" addresses, without the content that may follow it. */
export function recipientEnd(s: EnglishSentence, k: number): number {
  const { tokens, keys, n } = s;
  const g = s.input.gazetteer.matchAt(
    keys,
    keys[k] === 'the' ? k + 1 : k,
    keys[keys[k] === 'the' ? k + 1 : k],
    tokens[keys[k] === 'the' ? k + 1 : k]?.text,
  );
  if (g) return (keys[k] === 'the' ? k + 1 : k) + g.length;
  let r = k;
  while (r < n && tokens[r]!.word && /^[A-Z]/.test(tokens[r]!.text) && r - k < 5) r++;
  if (r > k) return r;
  if (['a', 'an', 'the', 'his', 'her', 'their', 'its'].includes(keys[k]!)) {
    r = k + 1;
    while (
      r < n &&
      r - k < 4 &&
      tokens[r]!.word &&
      keys[r] !== 'that' &&
      !PREPOSITIONS.has(keys[r]!) &&
      /^[a-z]/.test(tokens[r]!.text) &&
      (englishHead(keys[r]!) || RECIPIENT_WORDS.has(keys[r]!))
    )
      r++;
    return r;
  }
  if (tokens[k]?.word && /^[a-z]/.test(tokens[k].text)) return k + 1; // "reporters", "parliament", "me"
  return k;
}

/** Where the content starts after a cue and its adjuncts ("said on Tuesday that"). */
function contentAfterRaw(s: EnglishSentence, i: number, cue: EnglishCue): ContentStart | null {
  const { tokens, keys, n } = s;
  const via: MentionInfo[] = [];
  let k = i + 1;
  if (cue.lemma === 'tell') {
    // recipient: "told Reuters", "told reporters", "told The National", "told a news conference"
    const r = recipientEnd(s, k);
    if (r > k) for (const m of s.phrase(k, r)) if (isOutletMention(m)) via.push(m);
    k = r;
  }
  // "said in a joint letter that ...": a "that", a colon or a quotation shortly after
  for (let a = k; a < n && a - k < 13; a++) {
    const x = tokens[a]!;
    // a full stop inside a sentence belongs to an abbreviation ("on Oct. 7 that")
    if (isComma(x) || (x.text === '.' && a === n - 1) || (ENGLISH_CUES.has(keys[a]!) && a > k))
      break;
    if (keys[a] === 'that' && a > k && PREPOSITIONS.has(keys[k]!)) return { token: a + 1, via };
  }
  for (let guard = 0; guard < 12 && k < n; guard++) {
    const t = tokens[k]!;
    if (keys[k] === 'that') return { token: k + 1, via };
    if (t.text === ':') {
      const q = s.input.quotes.find((x) => x.start === tokens[k + 1]?.start);
      return { token: k + 1, quote: q, via };
    }
    if (OPENING_QUOTES.has(t.text) || t.text === '"') {
      const q = s.input.quotes.find((x) => x.start === t.start);
      if (q && q.words >= 3) return { token: k, quote: q, via };
    }
    if (t.text === ',') {
      k++;
      continue;
    }
    if (
      PREPOSITIONS.has(keys[k]!) ||
      TIME_WORDS.has(keys[k]!) ||
      keys[k] === 'a' ||
      keys[k] === 'the' ||
      keys[k] === 'his' ||
      keys[k] === 'her' ||
      keys[k] === 'their'
    ) {
      // an adjunct: "in a statement", "on Tuesday", "late on Monday"
      let j = k + 1;
      while (
        j < n &&
        j - k < 6 &&
        tokens[j]!.word &&
        keys[j] !== 'that' &&
        (TIME_WORDS.has(keys[j]!) ||
          /^[A-Z0-9]/.test(tokens[j]!.text) ||
          ADJUNCT_FILLERS.has(keys[j]!))
      )
        j++;
      if (PREPOSITIONS.has(keys[k]!) || TIME_WORDS.has(keys[k]!)) {
        if (j === k + 1 && !TIME_WORDS.has(keys[k]!)) break;
        k = j;
        continue;
      }
      break;
    }
    break;
  }
  if (ENGLISH_STRICT.has(cue.lemma) && !ENGLISH_NOUN_CONTENT.has(cue.lemma)) return null;
  if (k >= n || !tokens[k]!.word) return null;
  return { token: k, via };
}

/** Like contentAfterRaw, but never points past the sentence ("..., adding that" at its end). */
export function contentAfter(s: EnglishSentence, i: number, cue: EnglishCue): ContentStart | null {
  const c = contentAfterRaw(s, i, cue);
  return c && (c.quote || c.token < s.n) ? c : null;
}

/** Where content found by contentAfter starts in the text. */
export const contentStartOf = (s: EnglishSentence, c: ContentStart): number =>
  c.quote ? c.quote.start : s.tokens[c.token]!.start;

/** Where the loop goes on after content found by contentAfter. */
export const resumeAfterContent = (s: EnglishSentence, c: ContentStart): number =>
  c.quote ? s.resumeAfter(c.quote) : c.token - 1;
