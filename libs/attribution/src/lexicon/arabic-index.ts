import { normalizeKey } from '../text/normalizer';
import type { Gender, GrammaticalNumber } from '../frames/frame';
import { ARABIC_CUES, type ArabicCueLemma } from './arabic.lexicon';
import {
  ARABIC_ADJECTIVE_SUFFIXES,
  HEAD_NOUNS,
  MODIFIERS,
  type HeadNoun,
  type Modifier,
} from './source-nouns.lexicon';

export interface ArabicCueForm {
  lemma: ArabicCueLemma;
  role: 'past' | 'present' | 'participle';
  gender: Gender;
  number: GrammaticalNumber;
}

export interface ArabicHeadForm {
  head: HeadNoun;
  number: GrammaticalNumber;
  gender: Gender;
}

function cueShape(
  form: string,
  role: ArabicCueForm['role'],
  base: string,
): { gender: Gender; number: GrammaticalNumber } {
  if (/(?:وا|ون|ين)$/.test(form) || (role === 'past' && form === base + 'ا'))
    return { gender: 'm', number: 'pl' };
  const feminine =
    (role === 'past' && form !== base && form.endsWith('ت')) ||
    (role === 'present' && form.startsWith('ت')) ||
    (role === 'participle' && form.endsWith('ه'));
  return { gender: feminine ? 'f' : 'm', number: 'sg' };
}

const cues = new Map<string, ArabicCueForm>();
for (const lemma of ARABIC_CUES) {
  for (const [role, forms] of [
    ['past', lemma.past],
    ['present', lemma.present],
    ['participle', lemma.participles],
  ] as const) {
    const base = normalizeKey(lemma.past[0] ?? lemma.lemma);
    for (const f of forms) {
      const key = normalizeKey(f);
      const shape = cueShape(key, role, base);
      cues.set(key, { lemma, role, ...shape });
    }
  }
}

const heads = new Map<string, ArabicHeadForm>();
for (const head of HEAD_NOUNS) {
  for (const n of ['sg', 'pl'] as const) {
    for (const f of head.ar[n] ?? []) {
      const key = normalizeKey(f);
      heads.set(key, { head, number: n, gender: /ه$/.test(key) && n === 'sg' ? 'f' : 'm' });
    }
  }
}

const modifiers = new Map<string, Modifier>();
for (const m of MODIFIERS) for (const f of m.ar) modifiers.set(normalizeKey(f), m);

/** Conjunctions and prepositions that attach to the next word. */
const PROCLITICS = ['وال', 'فال', 'بال', 'كال', 'ولل', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك'];

export interface Stem {
  stem: string;
  /** The clitics removed, e.g. «و», «لل». */
  prefix: string;
  definite: boolean;
}

/** The readings of a word with its proclitics removed, the word itself first. */
export function arabicStems(key: string): Stem[] {
  const out: Stem[] = [{ stem: key, prefix: '', definite: false }];
  for (const p of PROCLITICS) {
    if (key.length - p.length < 2 || !key.startsWith(p)) continue;
    const stem = key.slice(p.length);
    const definite = p.endsWith('ال') || p.endsWith('لل');
    out.push({ stem, prefix: p, definite });
  }
  return out;
}

/** A cue verb or participle, allowing a leading و or ف. */
export function arabicCue(key: string): (ArabicCueForm & { prefix: string }) | undefined {
  const direct = cues.get(key);
  if (direct) return { ...direct, prefix: '' };
  if ((key.startsWith('و') || key.startsWith('ف')) && key.length > 3) {
    const c = cues.get(key.slice(1));
    if (c) return { ...c, prefix: key[0]! };
  }
  return undefined;
}

/** A head noun, with its clitics: «المسؤول» → official, definite; «ومسؤولين» → officials. */
export function arabicHead(key: string): (ArabicHeadForm & Stem) | undefined {
  for (const s of arabicStems(key)) {
    const h = heads.get(s.stem);
    if (
      h &&
      (s.prefix === '' ||
        s.prefix.endsWith('ال') ||
        s.prefix.endsWith('لل') ||
        s.prefix === 'و' ||
        s.prefix === 'ل' ||
        s.prefix === 'ب')
    )
      return { ...h, ...s };
    // duals: «مسؤولان», «مصدرين»
    const dual = /(?:ان|ين)$/.test(s.stem) ? heads.get(s.stem.slice(0, -2)) : undefined;
    if (
      dual &&
      dual.number === 'sg' &&
      (s.prefix === '' || s.prefix.endsWith('ال') || s.prefix === 'و')
    )
      return { ...dual, number: 'pl', ...s };
  }
  return undefined;
}

/** Masculine singular bases of an inflected adjective («أميركيون» → «اميركي»). */
const ADJECTIVE_SUFFIXES = ARABIC_ADJECTIVE_SUFFIXES.map(normalizeKey);

export function arabicAdjectiveBases(key: string): string[] {
  const word = key.startsWith('ال') ? key.slice(2) : key.startsWith('وال') ? key.slice(3) : key;
  const out: string[] = [];
  for (const s of ADJECTIVE_SUFFIXES) {
    if (s === '') out.push(word);
    else if (word.endsWith(s) && word.length - s.length >= 3) out.push(word.slice(0, -s.length));
  }
  return out.filter((b) => b.endsWith('ي') || b.endsWith('ع') || b.endsWith('ب'));
}

export function arabicModifier(key: string): Modifier | undefined {
  for (const base of arabicAdjectiveBases(key)) {
    const m = modifiers.get(base);
    if (m) return m;
  }
  return undefined;
}
