import { ENGLISH_ANONYMITY } from '../lexicon/english.lexicon';
import type { Token } from '../text/tokens';

export const PREPOSITIONS = new Set(
  'on in at during late early earlier after before via through from with while over by when'.split(
    ' ',
  ),
);
export const TIME_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight week month year morning afternoon evening night statement interview conference briefing post message speech call press news televised remarks email video address weekend last this next'.split(
    ' ',
  ),
);
export const ANONYMITY = ENGLISH_ANONYMITY.map((p) => p.split(' '));
/** Titles written with a full stop ("Lt. Col. Omar Al Shamsi"). */
export const TITLES = new Set(
  'mr mrs ms dr prof gen lt col maj capt sgt cpl adm rep sen gov brig st rev hon'.split(' '),
);
export const COMPANY_ABBREVIATIONS = new Set([
  'co',
  'corp',
  'inc',
  'ltd',
  'plc',
  'llc',
  'bros',
  'jr',
  'sr',
  'no',
  'u',
  's',
]);
/** Documents that speak for their authors: "a report by X", "data from X". */
export const DOCUMENT_WORDS = new Set(
  'report reports statement statements study survey data figures estimates estimate analysis document documents records filing filings tally count poll review assessment audit letter release communique readout transcript'.split(
    ' ',
  ),
);
export const englishModifierWord = (k: string): boolean =>
  [
    'new',
    'latest',
    'recent',
    'joint',
    'official',
    'preliminary',
    'annual',
    'internal',
    'confidential',
    'leaked',
    'court',
    'police',
    'government',
    'written',
    'separate',
  ].includes(k);

/** "a building that Israel said housed weapons": the pronoun belongs to the attribution. */
export const RELATIVE_PRONOUNS = new Set(['that', 'which', 'who', 'whom']);

/** Words that end a subject phrase when scanning back from its cue. */
export const SUBJECT_BOUNDARY = new Set(
  'that which who whom whose when while whereas because as if where but since although though after before until is was were are be been being has have had do does did will would can could should may might must not than so said says told'.split(
    ' ',
  ),
);
/** First words of a comma-bounded phrase that describes the subject: "X, who ..., said". */
export const APPOSITIVE_OPENERS = new Set([
  'who',
  'which',
  'whose',
  'a',
  'an',
  'the',
  'one',
  'speaking',
  'citing',
  'according',
]);

/** Words of the phrase a "told" addresses: "told a news conference", "told the jury". */
export const RECIPIENT_WORDS = new Set([
  'news',
  'press',
  'conference',
  'briefing',
  'meeting',
  'rally',
  'crowd',
  'court',
  'jury',
  'hearing',
  'committee',
  'paper',
  'newspaper',
  'broadcaster',
  'audience',
  'reporters',
  'journalists',
  'local',
  'state',
  'national',
  'parliamentary',
  'panel',
  'session',
]);

/** Words inside an adjunct between a cue and its content: "in a televised address". */
export const ADJUNCT_FILLERS = new Set([
  'a',
  'the',
  'an',
  'its',
  'his',
  'her',
  'their',
  'news',
  'press',
  'televised',
  'joint',
  'written',
  'social',
  'media',
  'of',
  'on',
  'with',
]);

/** Words of an adjunct after a final cue: "said on Monday", "told AFP by telephone". */
const ADJUNCT_NOUNS = new Set(
  'telephone phone statement interview conference reporters journalists media television radio email text message briefing video post posts call calls news press social late early earlier later today tonight yesterday week month year morning afternoon evening night weekend'.split(
    ' ',
  ),
);
export const isAdjunctWord = (t: Token): boolean =>
  /^[A-Z0-9]/.test(t.text) ||
  PREPOSITIONS.has(t.key) ||
  TIME_WORDS.has(t.key) ||
  ADJUNCT_NOUNS.has(t.key) ||
  [
    'a',
    'an',
    'the',
    'its',
    'his',
    'her',
    'their',
    'of',
    'and',
    'also',
    'again',
    'separately',
  ].includes(t.key);

/** Words after which a new reporting clause may start inside reported content. */
export const CLAUSE_BREAK = new Set(['whereas', 'while', 'but', ';']);

export const phraseAt = (keys: readonly string[], i: number, p: readonly string[]): boolean =>
  p.every((w, k) => keys[i + k] === w);
