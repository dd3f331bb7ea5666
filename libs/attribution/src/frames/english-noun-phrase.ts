import type { Gazetteer } from '../gazetteer/gazetteer';
import {
  HEAD_NOUNS,
  MODIFIERS,
  type HeadNoun,
  type Modifier,
} from '../lexicon/source-nouns.lexicon';
import {
  ENGLISH_AUXILIARIES,
  ENGLISH_CUES,
  ENGLISH_DEMONYMS,
  ENGLISH_NP_FUNCTION,
  ENGLISH_PRONOUNS,
} from '../lexicon/english.lexicon';
import type { Token } from '../text/tokens';
import type { GrammaticalNumber, MentionInfo } from './frame';

const heads = new Map<string, { head: HeadNoun; number: GrammaticalNumber }>();
for (const h of HEAD_NOUNS) {
  for (const n of ['sg', 'pl'] as const)
    for (const f of h.enForms?.[n] ?? []) heads.set(f, { head: h, number: n });
}
const modifiers = new Map<string, Modifier>();
for (const m of MODIFIERS) for (const f of m.enForms ?? []) modifiers.set(f, m);

export const englishHead = (key: string) => heads.get(key);
export const englishModifier = (key: string) => modifiers.get(key);

/** Lower-case particles inside Arabic and European names: "al-Jubouri", "bin Salman", "van Dijk". */
const NAME_PARTICLE =
  /^(?:(?:al|el|ad|an|as|ash|at|az|ar|ud)-\p{L}|(?:bin|ibn|bint|abu|abou|ould|de|van|von|da|di|du|le|la|der|den|dos|das)$)/u;
const isCapitalised = (t: Token): boolean => /^[A-Z]/.test(t.text) || NAME_PARTICLE.test(t.text);

const PREPOSITIONS = new Set(['of', 'from', 'at', 'for', 'in', 'with', 'on', 'to']);
/** Words that show a phrase is a clause, not a speaker ("the dam had held"). */
const VERB_WORDS = new Set(
  'is was were are be been being has have had do does did will would can could should may might must not no'.split(
    ' ',
  ),
);

/** Words that may follow a known name without changing who it is ("dpa news agency"). */
const GENERIC_TAIL = new Set([
  'news',
  'agency',
  'newspaper',
  'daily',
  'channel',
  'tv',
  'television',
  'broadcaster',
  'network',
  'website',
  'radio',
  'magazine',
  'outlet',
  'wire',
  'service',
]);

/** Words that make a capitalised name an organisation rather than a person. */
const ORGANISATION_WORDS = new Set(
  'gazette herald tribune journal observer chronicle review monitor telegraph courier mail standard express star mirror times post daily weekly radio tv channel co corp inc ltd plc llc group company bank ministry council agency authority association union party forces army airways air gas oil petroleum energy holdings capital partners news times post press network institute university hospital fund foundation commission court police office department committee coalition front movement brigade brigades guard guards international global organisation organization service services trust league federation club observatory centre center directorate exchange alliance bureau board administration airport port station clinic school college academy forum laboratory lab systems technologies industries motors airlines holding'.split(
    ' ',
  ),
);
/** The head given to a named body that the gazetteer does not know ("Khaleej Gas Co."). */
const ORGANISATION_HEAD = HEAD_NOUNS.find((h) => h.lemma === 'organization')!;
/** The head given to a person named without a title noun ("Dana Whitlock said"). */
const PERSON_HEAD = HEAD_NOUNS.find((h) => h.lemma === 'people')!;
/** Courtesy and rank titles, left out of a person's name ("Lt. Col. Omar Al Shamsi"). */
export const ENGLISH_TITLES = new Set(
  'mr mrs ms miss dr prof gen lt col maj capt sgt cpl adm rep sen gov brig st rev hon sheikh president minister colonel general major captain judge justice lord sir dame'.split(
    ' ',
  ),
);

function skipTitles(
  tokens: readonly Token[],
  keys: readonly string[],
  i: number,
  b: number,
): number {
  let k = i;
  while (k < b - 1 && (ENGLISH_TITLES.has(keys[k]!) || !tokens[k]!.word)) k++;
  return k;
}

/** Whether a token can belong to a speaker phrase. */
export function isNounPhraseToken(
  t: Token,
  gazetteer: Gazetteer,
  keys: readonly string[],
  i: number,
): boolean {
  if (!t.word) return t.text === "'" || t.text === '’' || t.text === '-';
  const k = t.key;
  if (ENGLISH_CUES.has(k) && !isCapitalised(t)) return false;
  return (
    isCapitalised(t) ||
    heads.has(k) ||
    modifiers.has(k) ||
    k in ENGLISH_DEMONYMS ||
    ENGLISH_NP_FUNCTION.has(k) ||
    Boolean(gazetteer.matchAt(keys, i, k, t.text))
  );
}

/**
 * Reads a speaker phrase from tokens [a, b): a pronoun, a gazetteer name, a person's
 * name with or without a title, or a description ("a senior US official").
 */
export function interpretEnglishPhrase(
  tokens: readonly Token[],
  keys: readonly string[],
  a: number,
  b: number,
  gazetteer: Gazetteer,
): MentionInfo[] {
  // joint sources: "diplomats and US officials"
  for (let k = a + 1; k < b - 1; k++) {
    if (keys[k] === 'and') {
      const left = interpretOne(tokens, keys, a, k, gazetteer);
      const right = interpretOne(tokens, keys, k + 1, b, gazetteer);
      if (left && right && left.form !== 'named' && right.form !== 'named') return [left, right];
      // two people named in full: "Nadia Farrell and Omar Haddad"
      const fullName = (m: MentionInfo) => m.form === 'named' && m.head?.lemma === 'people';
      if (left && right && fullName(left) && fullName(right)) return [left, right];
      if (left && right && left.form === 'gazetteer' && right.form === 'gazetteer')
        return [left, right];
    }
  }
  const one = interpretOne(tokens, keys, a, b, gazetteer);
  return one ? [one] : [];
}

function interpretOne(
  tokens: readonly Token[],
  keys: readonly string[],
  a: number,
  b: number,
  gazetteer: Gazetteer,
): MentionInfo | null {
  while (
    a < b &&
    (!tokens[a]!.word ||
      ENGLISH_AUXILIARIES.has(keys[a]!) ||
      keys[a] === 'and' ||
      keys[a] === 'but')
  )
    a++;
  while (b > a && (!tokens[b - 1]!.word || ENGLISH_AUXILIARIES.has(keys[b - 1]!))) b--;
  if (b <= a) return null;
  const first = tokens[a]!;
  const last = tokens[b - 1]!;
  const base: MentionInfo = {
    start: first.start,
    end: last.end,
    form: 'description',
    modifiers: [],
    number: 'sg',
  };
  if (b - a === 1 && keys[a]! in ENGLISH_PRONOUNS) {
    const p = ENGLISH_PRONOUNS[keys[a]!]!;
    return { ...base, form: 'pronoun', number: p.number, gender: p.gender };
  }
  const definite = keys[a] === 'the';
  const determiner = definite || keys[a] === 'a' || keys[a] === 'an';
  const s = determiner ? a + 1 : a;
  // the whole phrase is a known name: "The Guardian", "the U.S. State Department", "Reuters"
  for (const at of [a, s]) {
    const whole = gazetteer.matchAt(keys, at, keys[at], tokens[at]?.text);
    if (whole && at + whole.length === b)
      return { ...base, start: tokens[at]!.start, form: 'gazetteer', gazetteer: whole.entry };
  }
  // a known name inside the phrase, followed only by generic words: "Iran's Press TV",
  // "the U.S. State Department", "the dpa news agency"
  for (let k = s; k < b; k++) {
    const g = gazetteer.matchAt(keys, k, keys[k], tokens[k]?.text);
    if (!g || g.entry.type === 'country' || g.entry.type === 'capital') continue;
    const rest = tokens.slice(k + g.length, b).filter((t) => t.word);
    // only names before it ("Iran's"), no head of its own ("a spokeswoman for the ...")
    const lead = tokens.slice(s, k).every((t) => !t.word || /^[A-Z]/.test(t.text) || t.key === 's');
    if (lead && rest.every((t) => GENERIC_TAIL.has(t.key)))
      return { ...base, start: tokens[k]!.start, form: 'gazetteer', gazetteer: g.entry };
  }
  // find the head noun: the last one before a prepositional complement ("an officer from the
  // police station"), else the last one
  let pp = b;
  for (let k = s + 1; k < b; k++)
    if (PREPOSITIONS.has(keys[k]!)) {
      pp = k;
      break;
    }
  let headAt = -1;
  for (const limit of [pp, b]) {
    for (let k = limit - 1; k >= s && headAt < 0; k--) if (heads.has(keys[k]!)) headAt = k;
    if (headAt >= 0) break;
  }
  const mention: MentionInfo = { ...base };
  let nameStart = -1;
  if (headAt >= 0) {
    const h = heads.get(keys[headAt]!)!;
    mention.head = h.head;
    mention.number = h.number;
    // compound heads keep their nouns: "dock worker", "police officer", "fire chief"
    let c = headAt;
    while (
      c > s &&
      /^[a-z]/.test(tokens[c - 1]!.text) &&
      !modifiers.has(keys[c - 1]!) &&
      !(keys[c - 1]! in ENGLISH_DEMONYMS) &&
      !ENGLISH_NP_FUNCTION.has(keys[c - 1]!) &&
      !/^\d/.test(keys[c - 1]!)
    )
      c--;
    mention.headWord = tokens
      .slice(c, headAt + 1)
      .map((t) => t.text.toLowerCase())
      .join(' ');
    if (/woman|she/.test(keys[headAt]!)) mention.gender = 'f';
    else if (/man$|men$/.test(keys[headAt]!)) mention.gender = 'm';
    for (let k = s; k < headAt; k++) {
      const key = keys[k]!;
      const g = gazetteer.matchAt(keys, k, key, tokens[k]!.text);
      if (g) {
        if (g.entry.type === 'country') mention.nationality = g.entry;
        k += g.length - 1;
        continue;
      }
      if (key in ENGLISH_DEMONYMS) {
        const id = ENGLISH_DEMONYMS[key]!;
        mention.nationality ??= id ? (gazetteer.byId(id) ?? undefined) : undefined;
        if (!id) mention.modifiers.push({ en: 'Western', ar: [] });
        continue;
      }
      const dem = gazetteer.demonym(key);
      if (dem) {
        mention.nationality = dem;
        continue;
      }
      const mod = modifiers.get(key);
      if (mod && !mention.modifiers.includes(mod)) mention.modifiers.push(mod);
    }
    // a name after the title: "spokeswoman Dana Whitlock"
    if (headAt + 1 < pp && tokens.slice(headAt + 1, pp).every((t) => isCapitalised(t) || !t.word))
      nameStart = skipTitles(tokens, keys, headAt + 1, pp);
    if (nameStart >= 0) {
      mention.form = 'named';
      mention.name = { start: tokens[nameStart]!.start, end: tokens[pp - 1]!.end };
      return mention;
    }
    // an organisation named before its generic head: "the Interior Ministry" is in the gazetteer
    const orgName = gazetteer.matchAt(keys, s, keys[s], tokens[s]?.text);
    if (orgName && s + orgName.length === headAt + 1)
      return { ...mention, form: 'gazetteer', gazetteer: orgName.entry };
    const qualified = mention.modifiers.length > 0 || mention.nationality || headAt > s;
    mention.form = definite && !qualified ? 'anaphor' : 'description';
    mention.definite = definite;
    if (
      definite &&
      headAt > s &&
      tokens.slice(s, headAt).some((t) => /^[A-Z]/.test(t.text)) &&
      mention.head.institution
    ) {
      // "the Health Ministry" not in the gazetteer: an institution by its own name
      mention.form = 'named';
      mention.name = { start: tokens[s]!.start, end: tokens[headAt]!.end };
    }
    return mention;
  }
  // a name: capitalised words
  const caps = tokens.slice(s, b).filter((t) => t.word);
  // "fire chief Tomas Reyes", "harbour master Lina Okafor": a title we do not know, then a name
  let run = b;
  while (run > s && (isCapitalised(tokens[run - 1]!) || !tokens[run - 1]!.word)) run--;
  if (
    run > s &&
    run < b &&
    caps.length <= 7 &&
    tokens.slice(s, run).some((t) => t.word && /^[a-z]/.test(t.text)) &&
    !tokens.slice(s, run).some((t) => VERB_WORDS.has(t.key))
  ) {
    const ns = skipTitles(tokens, keys, run, b);
    return {
      ...mention,
      start: tokens[s]!.start,
      form: 'named',
      head: PERSON_HEAD,
      name: { start: tokens[ns]!.start, end: last.end },
    };
  }
  if (
    caps.length > 0 &&
    caps.length <= 5 &&
    caps.every((t) => isCapitalised(t) || ENGLISH_NP_FUNCTION.has(t.key))
  ) {
    const g = gazetteer.matchAt(keys, s, keys[s], tokens[s]?.text);
    if (g && s + g.length === b) return { ...mention, form: 'gazetteer', gazetteer: g.entry };
    const ns = skipTitles(tokens, keys, s, b);
    const title = keys[s];
    const words = tokens.slice(ns, b).filter((t) => t.word);
    const personLike =
      ns > s ||
      (words.length >= 2 && words.length <= 4 && !words.some((t) => ORGANISATION_WORDS.has(t.key)));
    const gender =
      title === 'mr'
        ? 'm'
        : title === 'ms' || title === 'mrs' || title === 'miss'
          ? 'f'
          : undefined;
    return {
      ...mention,
      start: tokens[s]!.start,
      form: 'named',
      gender,
      head: personLike
        ? PERSON_HEAD
        : words.some((t) => ORGANISATION_WORDS.has(t.key))
          ? ORGANISATION_HEAD
          : undefined,
      name: { start: tokens[ns]!.start, end: last.end },
    };
  }
  // a description with a head we do not know: "a dock worker", "the civil defence"
  const wordsIn = tokens.slice(a, b).filter((t) => t.word);
  if (
    determiner &&
    wordsIn.length <= 5 &&
    wordsIn.every(
      (t) => /^[a-z]/.test(t.text) && !VERB_WORDS.has(t.key) && !/(?:ed|ing)$/.test(t.key),
    )
  ) {
    const words = tokens
      .slice(a + 1, b)
      .filter((t) => t.word)
      .map((t) => t.text);
    return { ...mention, start: first.start, form: 'description', headWord: words.join(' ') };
  }
  return null;
}
