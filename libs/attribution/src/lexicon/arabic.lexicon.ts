/**
 * Arabic reporting vocabulary. Forms are written as they appear in text and normalised
 * when the tables are built (see text/normalizer.ts), so «أكد» and «اكد» match alike.
 * Frequencies and pitfalls: shared/research/attribution-notes.md.
 */

export type CueRole = 'verb' | 'participle';

/** How the content of a cue is introduced after it. */
export type Complement = 'that' | 'to' | 'on' | 'from' | 'about' | 'with';

export interface ArabicCueLemma {
  lemma: string;
  past: string[];
  present: string[];
  participles: string[];
  /** Prepositions the content may follow besides a plain complementiser (إلى أن، على أن...). */
  complements?: Complement[];
  /** Directives and condemnations: attributed but optional in the gold standard. */
  directive?: boolean;
  /** «نقلت صحيفة X عن Y»: the subject relays, the object of عن speaks. */
  relay?: boolean;
  /** Needs a complementiser or a quote: the bare verb has common non-speech senses. */
  strict?: boolean;
}

export const ARABIC_CUES: ArabicCueLemma[] = [
  {
    lemma: 'قال',
    past: ['قال', 'قالت', 'قالوا', 'قالا', 'قلن'],
    present: ['يقول', 'تقول', 'يقولون', 'يقولان'],
    participles: ['قائلا', 'قائلة', 'قائلين'],
  },
  {
    lemma: 'أكد',
    past: ['أكد', 'أكدت', 'أكدوا', 'أكدا'],
    present: ['يؤكد', 'تؤكد', 'يؤكدون'],
    participles: ['مؤكدا', 'مؤكدة', 'مؤكدين'],
    complements: ['on'],
  },
  {
    lemma: 'أضاف',
    past: ['أضاف', 'أضافت', 'أضافوا'],
    present: ['يضيف', 'تضيف', 'يضيفون'],
    participles: ['مضيفا', 'مضيفة', 'مضيفين'],
  },
  {
    lemma: 'أوضح',
    past: ['أوضح', 'أوضحت', 'أوضحوا'],
    present: ['يوضح', 'توضح'],
    participles: ['موضحا', 'موضحة'],
  },
  {
    lemma: 'أشار',
    past: ['أشار', 'أشارت', 'أشاروا'],
    present: ['يشير', 'تشير', 'يشيرون'],
    participles: ['مشيرا', 'مشيرة', 'مشيرين'],
    complements: ['to'],
    strict: true,
  },
  {
    lemma: 'ذكر',
    past: ['ذكر', 'ذكرت', 'ذكروا'],
    present: ['يذكر', 'تذكر'],
    participles: ['ذاكرا'],
    strict: true,
  },
  {
    lemma: 'أعلن',
    past: ['أعلن', 'أعلنت', 'أعلنوا'],
    present: ['يعلن', 'تعلن'],
    participles: ['معلنا', 'معلنة'],
    complements: ['about'],
  },
  {
    lemma: 'اعتبر',
    past: ['اعتبر', 'اعتبرت', 'اعتبروا'],
    present: ['يعتبر', 'تعتبر'],
    participles: ['معتبرا', 'معتبرة'],
    strict: true,
  },
  {
    lemma: 'كشف',
    past: ['كشف', 'كشفت', 'كشفوا'],
    present: ['يكشف', 'تكشف'],
    participles: ['كاشفا', 'كاشفة'],
    complements: ['about'],
    strict: true,
  },
  {
    lemma: 'أفاد',
    past: ['أفاد', 'أفادت', 'أفادوا'],
    present: ['يفيد', 'تفيد'],
    participles: ['مفيدا'],
    strict: true,
  },
  {
    lemma: 'لفت',
    past: ['لفت', 'لفتت'],
    present: ['يلفت', 'تلفت'],
    participles: ['لافتا', 'لافتة'],
    complements: ['to'],
    strict: true,
  },
  {
    lemma: 'بيّن',
    past: ['بين', 'بينت'],
    present: ['يبين', 'تبين'],
    participles: ['مبينا', 'مبينة'],
    strict: true,
  },
  {
    lemma: 'شدد',
    past: ['شدد', 'شددت', 'شددوا'],
    present: ['يشدد', 'تشدد'],
    participles: ['مشددا', 'مشددة'],
    complements: ['on'],
  },
  {
    lemma: 'حذر',
    past: ['حذر', 'حذرت', 'حذروا'],
    present: ['يحذر', 'تحذر'],
    participles: ['محذرا', 'محذرة'],
    complements: ['from'],
  },
  {
    lemma: 'صرح',
    past: ['صرح', 'صرحت'],
    present: ['يصرح', 'تصرح'],
    participles: ['مصرحا'],
    complements: ['with'],
  },
  {
    lemma: 'أقر',
    past: ['أقر', 'أقرت'],
    present: ['يقر', 'تقر'],
    participles: ['مقرا'],
    complements: ['with'],
    strict: true,
  },
  {
    lemma: 'اعترف',
    past: ['اعترف', 'اعترفت'],
    present: ['يعترف', 'تعترف'],
    participles: ['معترفا'],
    complements: ['with'],
  },
  {
    lemma: 'نفى',
    past: ['نفى', 'نفت', 'نفوا'],
    present: ['ينفي', 'تنفي'],
    participles: ['نافيا', 'نافية'],
  },
  { lemma: 'ادعى', past: ['ادعى', 'ادعت'], present: ['يدعي', 'تدعي'], participles: ['مدعيا'] },
  { lemma: 'زعم', past: ['زعم', 'زعمت'], present: ['يزعم', 'تزعم'], participles: ['زاعما'] },
  { lemma: 'تابع', past: ['تابع', 'تابعت'], present: [], participles: [], strict: true },
  { lemma: 'أردف', past: ['أردف', 'أردفت'], present: [], participles: ['مردفا'] },
  { lemma: 'زاد', past: ['زاد', 'زادت'], present: [], participles: [], strict: true },
  {
    lemma: 'أبرز',
    past: ['أبرز', 'أبرزت'],
    present: ['يبرز', 'تبرز'],
    participles: ['مبرزا', 'مبرزة'],
    strict: true,
  },
  {
    lemma: 'استطرد',
    past: ['استطرد', 'استطردت'],
    present: [],
    participles: ['مستطردا', 'مستطردة'],
  },
  {
    lemma: 'استدرك',
    past: ['استدرك', 'استدركت'],
    present: [],
    participles: ['مستدركا', 'مستدركة'],
  },
  { lemma: 'تابع', past: [], present: [], participles: ['متابعا', 'متابعة'], strict: true },
  {
    lemma: 'نوه',
    past: ['نوه', 'نوهت'],
    present: ['ينوه'],
    participles: ['منوها'],
    complements: ['to', 'with'],
  },
  {
    lemma: 'نبه',
    past: ['نبه', 'نبهت'],
    present: ['ينبه'],
    participles: ['منبها'],
    complements: ['to'],
    strict: true,
  },
  {
    lemma: 'رأى',
    past: ['رأى', 'رأت', 'رأوا'],
    present: ['يرى', 'ترى', 'يرون'],
    participles: [],
    strict: true,
  },
  {
    lemma: 'توقع',
    past: ['توقع', 'توقعت'],
    present: ['يتوقع', 'تتوقع'],
    participles: ['متوقعا'],
    strict: true,
  },
  {
    lemma: 'تحدث',
    past: ['تحدث', 'تحدثت'],
    present: ['يتحدث', 'تتحدث'],
    participles: [],
    complements: ['about'],
    strict: true,
  },
  {
    lemma: 'أعرب',
    past: ['أعرب', 'أعربت'],
    present: ['يعرب'],
    participles: ['معربا'],
    complements: ['about'],
    directive: true,
  },
  {
    lemma: 'دعا',
    past: ['دعا', 'دعت', 'دعوا'],
    present: ['يدعو', 'تدعو'],
    participles: ['داعيا'],
    complements: ['to'],
    directive: true,
    strict: true,
  },
  {
    lemma: 'طالب',
    past: ['طالب', 'طالبت', 'طالبوا'],
    present: ['يطالب', 'تطالب'],
    participles: ['مطالبا'],
    complements: ['with'],
    directive: true,
    strict: true,
  },
  {
    lemma: 'ناشد',
    past: ['ناشد', 'ناشدت'],
    present: ['يناشد'],
    participles: ['مناشدا'],
    directive: true,
    strict: true,
  },
  {
    lemma: 'أدان',
    past: ['أدان', 'أدانت'],
    present: ['يدين', 'تدين'],
    participles: ['مدينا'],
    directive: true,
    strict: true,
  },
  {
    lemma: 'استنكر',
    past: ['استنكر', 'استنكرت'],
    present: ['يستنكر'],
    participles: ['مستنكرا'],
    directive: true,
    strict: true,
  },
  {
    lemma: 'نقل',
    past: ['نقل', 'نقلت'],
    present: ['ينقل', 'تنقل'],
    participles: [],
    relay: true,
    strict: true,
  },
  {
    lemma: 'اتهم',
    past: ['اتهم', 'اتهمت', 'اتهموا'],
    present: ['يتهم', 'تتهم'],
    participles: ['متهما'],
    strict: true,
  },
  {
    lemma: 'هدد',
    past: ['هدد', 'هددت'],
    present: ['يهدد', 'تهدد'],
    participles: ['مهددا'],
    strict: true,
  },
  { lemma: 'أبلغ', past: ['أبلغ', 'أبلغت'], present: ['يبلغ'], participles: [], strict: true },
  {
    lemma: 'أفصح',
    past: ['أفصح', 'أفصحت'],
    present: [],
    participles: [],
    complements: ['about'],
    strict: true,
  },
  { lemma: 'أعلم', past: [], present: [], participles: [], strict: true },
];

/** Plain complementisers, with the pronoun they may carry (إن، أن، بأن، إنه، أنها...). */
export const ARABIC_COMPLEMENTISER =
  /^(?:ب)?(?:ان|انه|انها|انهم|انهما|انهن|اننا|انا|انني|انك|انكم)$/;

/** Prepositions that may stand between a cue and its complementiser, by complement kind. */
export const ARABIC_COMPLEMENT_PREPOSITIONS: Record<Complement, string[]> = {
  that: [],
  to: ['الى', 'الي'],
  on: ['علي'],
  from: ['من'],
  about: ['عن'],
  with: ['ب'],
};

/** Nominal and prepositional cues: content before or after, source after. */
export const ARABIC_ACCORDING_TO: string[] = [
  'بحسب',
  'وبحسب',
  'حسب',
  'وحسب',
  'حسبما',
  'وحسبما',
  'وفقا ل',
  'ووفقا ل',
  'وفقا',
  'ووفقا',
  'طبقا ل',
  'نقلا عن',
  'ونقلا عن',
  'على لسان',
  'على حد قول',
  'على حد تعبير',
  'كما قال',
  'كما ذكر',
];

/** Words after a cue that name the reported thing rather than a speaker (agentless). */
export const ARABIC_AGENTLESS_HEADS = [
  'معلومات',
  'تقارير',
  'انباء',
  'اخبار',
  'تسريبات',
  'روايات',
  'ترجيحات',
  'معطيات',
  'بيانات',
];

/** Phrases that withhold a speaker's identity. */
export const ARABIC_ANONYMITY = [
  'عدم الكشف عن اسمه',
  'عدم الكشف عن اسمها',
  'عدم الكشف عن هويته',
  'عدم الكشف عن هويتها',
  'عدم الكشف عن اسمائهم',
  'عدم الكشف عن هوياتهم',
  'عدم ذكر اسمه',
  'عدم ذكر اسمها',
  'عدم ذكر اسمائهم',
  'عدم نشر اسمه',
  'عدم نشر اسمها',
  'عدم تعريفه',
  'عدم تعريفها',
  'الكشف عن اسمه',
  'الكشف عن هويته',
  'الكشف عن اسمها',
  'الكشف عن هويتها',
  'رفض الكشف',
  'طلب عدم',
  'فضل عدم',
  'اشترط عدم',
];

/** Conjunction and particle clitics that may stand before a cue or a noun. */
export const ARABIC_CONJUNCTIONS = ['و', 'ف'];

/** Clause openers that start a new unit inside a long sentence. */
export const ARABIC_CLAUSE_BREAKERS = ['فيما', 'وفيما', 'بينما', 'وبينما', 'في حين', 'وفي حين'];
