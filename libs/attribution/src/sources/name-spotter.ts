import { interpretEnglishPhrase } from '../frames/english-noun-phrase';
import type { MentionInfo } from '../frames/frame';
import type { Gazetteer } from '../gazetteer/gazetteer';
import type { TokenIndex } from '../text/tokens';
import type { Language } from '../types';

/** Gazetteer types worth remembering from the outlet's own sentences ("The Red Crescent sent ..."). */
const SPEAKING_BODIES = new Set(['outlet', 'agency', 'organization']);
const GOVERNMENT_BODIES = new Set(['ministry', 'presidency', 'military', 'government_body']);
const ARABIC_CLITICS = /^(?:وال|بال|لل|و|ب|ل|ف)/;

/**
 * Names in a stretch of text that may later speak: organisations the gazetteer knows and,
 * in English, people named in full. The source registry remembers them, so that "It said"
 * or a bare surname finds them.
 */
export function spotNames(
  index: TokenIndex,
  start: number,
  end: number,
  language: Language,
  gazetteer: Gazetteer,
): MentionInfo[] {
  const tokens = index.slice(start, end);
  const keys = tokens.map((t) => t.key);
  const out: MentionInfo[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word) continue;
    let m = gazetteer.matchAt(keys, i, t.key, t.text);
    let clitic = 0;
    if (!m && language === 'ar' && ARABIC_CLITICS.test(t.key)) {
      const c = ARABIC_CLITICS.exec(t.key)![0];
      const first =
        c === 'لل' || c === 'وال' || c === 'بال'
          ? 'ال' + t.key.slice(c.length)
          : t.key.slice(c.length);
      m = gazetteer.matchAt(keys, i, first, t.text);
      clitic = c === 'وال' || c === 'بال' ? 1 : c === 'لل' ? 1 : c.length;
    }
    if (m) {
      const e = m.entry;
      if (SPEAKING_BODIES.has(e.kind) || GOVERNMENT_BODIES.has(e.type))
        out.push({
          start: t.start + clitic,
          end: tokens[i + m.length - 1]!.end,
          form: 'gazetteer',
          gazetteer: e,
          modifiers: [],
          number: 'sg',
        });
      i += m.length - 1;
      continue;
    }
    if (language !== 'en' || !/^[A-Z]/.test(t.text)) continue;
    // a person named in full: two to four capitalised words
    let j = i;
    while (
      j < tokens.length &&
      j - i < 5 &&
      tokens[j]!.word &&
      /^[A-Z]|^(?:al|el)-/.test(tokens[j]!.text)
    )
      j++;
    if (j - i >= 2 && j - i <= 4) {
      const [mention] = interpretEnglishPhrase(tokens, keys, i, j, gazetteer);
      const body = mention?.gazetteer;
      if (mention?.form === 'named' && mention.head?.lemma === 'people') {
        // "Um Khaled, 38, has been waiting with her four children": the next pronoun tells
        for (let p = j; p < tokens.length && p - j < 25; p++) {
          const k = keys[p]!;
          if (k === 'he' || k === 'his' || k === 'him') mention.gender ??= 'm';
          else if (k === 'she' || k === 'her' || k === 'hers') mention.gender ??= 'f';
          else continue;
          break;
        }
        out.push(mention);
      } else if (body && (SPEAKING_BODIES.has(body.kind) || GOVERNMENT_BODIES.has(body.type)))
        out.push(mention);
    }
    i = j - 1;
  }
  return out;
}
