import {
  ARABIC_ACCORDING_TO,
  ARABIC_AGENTLESS_HEADS,
  ARABIC_ANONYMITY,
} from '../lexicon/arabic.lexicon';
import { normalizeKey } from '../text/normalizer';
import { tokenize } from '../text/tokens';

const key = (s: string): string[] =>
  tokenize(normalizeKey(s))
    .filter((t) => t.word)
    .map((t) => t.key);
/** Longest first, so «وفقا ل» is read whole and not as «وفقا». */
export const ACCORDING_TO = ARABIC_ACCORDING_TO.map(key).sort((a, b) => b.length - a.length);
export const AGENTLESS = new Set(ARABIC_AGENTLESS_HEADS.map(normalizeKey));
export const ANONYMITY = ARABIC_ANONYMITY.map(key);
export const RELATIVE_BEFORE_CUE = new Set(['ما', 'مما', 'بما', 'عما', 'لما'].map(normalizeKey));
export const NEGATION = new Set(
  ['لم', 'لا', 'لن', 'ما', 'ولم', 'ولا', 'عدم', 'دون'].map(normalizeKey),
);
/** Documents that speak for their author: «بيانات الجهاز», «تقرير للأمم المتحدة», «بلاغ للوزارة». */
export const DOCUMENTS = new Set(
  [
    'بيان',
    'بيانات',
    'تقرير',
    'تقارير',
    'أرقام',
    'إحصاءات',
    'إحصائيات',
    'دراسة',
    'وثيقة',
    'وثائق',
    'معطيات',
    'بلاغ',
    'تقديرات',
    'سجلات',
    'حصيلة',
    'مذكرة',
  ].map(normalizeKey),
);
export const CLAUSE_OPENERS = new Set(
  ['و', 'كما', 'وكما', 'ثم', 'لكن', 'ولكن', 'بينما', 'فيما', 'إلا', 'أن', 'حين', 'في'].map(
    normalizeKey,
  ),
);
export const SAYING = new Set(['قوله', 'قولها', 'قولهم', 'قولهما'].map(normalizeKey));
export const RELATIVE = new Set(['الذي', 'التي', 'الذين', 'اللذين', 'اللتين'].map(normalizeKey));
export const INTERVIEW = new Set(
  ['تصريح', 'تصريحات', 'حديث', 'مقابلة', 'حوار', 'بيان', 'مؤتمر', 'تغريدة', 'منشور', 'كلمة'].map(
    normalizeKey,
  ),
);
export const MAX_GAP = 28;
/** Words that link a new clause with its own speaker: «، فيما أوضحت الخارجية ...». */
export const CLAUSE_LINKS = new Set(
  ['فيما', 'بينما', 'حين', 'كما', 'ثم', 'لكنه', 'لكنها', 'ولكنه', 'ولكنها', 'إذ', 'حيث'].map(
    normalizeKey,
  ),
);
/** «غير أنه نبه», «إلا أنها حذرت», «بيد أنه رأى». */
export const CONTRAST = new Set(['غير', 'إلا', 'بيد'].map(normalizeKey));
/** Cues whose content may be a noun phrase: «نفت طهران ما تناقلته وسائل الإعلام ...». */
export const NOUN_CONTENT = new Set(['نفى', 'أعلن', 'أكد']);
/** Verbs that withhold a name: «طلب / فضّل / رفض / اشترط عدم الكشف عن اسمه», «لم يرغب في ...». */
export const WITHHOLDING = new Set(
  [
    'طلب',
    'طلبت',
    'طلبوا',
    'فضل',
    'فضلت',
    'فضلوا',
    'رفض',
    'رفضت',
    'رفضوا',
    'اشترط',
    'اشترطت',
    'طالبا',
    'طالبة',
    'مفضلا',
    'مفضلة',
    'رافضا',
    'رافضة',
    'مشترطا',
    'يرغب',
    'ترغب',
    'يرغبون',
  ].map(normalizeKey),
);
export const NAME_WORD = /^(?:اسم|هوي|تعريف|هويه)/;

export const phraseAt = (keys: readonly string[], i: number, phrase: readonly string[]): boolean =>
  phrase.every((w, k) => keys[i + k] === w);
