/**
 * Short, distinct articles for the worker tests, in English and Arabic, with the phenomena
 * the engine handles: named and unnamed speakers, shared sources ("US officials"), relays
 * ("told Reuters"), "according to", direct quotes and the outlet's own voice. Deterministic:
 * article `i` is always the same text.
 */
const EN_SPEAKERS = [
  'US officials',
  'The health ministry',
  'A senior diplomat',
  'Prime Minister Mohammed Shia al-Sudani',
  'The United Nations',
  'A spokesman for the army',
  'Residents',
];
const EN_EVENTS = [
  'the border crossing would reopen on Monday',
  'talks on the ceasefire had stalled',
  'at least twelve people were wounded in the strike',
  'the convoy had reached the city before dawn',
  'fuel prices would rise by a tenth next month',
  'the dam was holding more water than last year',
];
const AR_SPEAKERS = [
  'وزارة الصحة',
  'مسؤولون أمريكيون',
  'مصدر دبلوماسي',
  'رئيس الوزراء',
  'الأمم المتحدة',
  'سكان محليون',
];
const AR_EVENTS = [
  'المعبر الحدودي سيفتح يوم الاثنين',
  'المحادثات بشأن وقف إطلاق النار توقفت',
  'اثني عشر شخصا أصيبوا في الغارة',
  'القافلة وصلت إلى المدينة قبل الفجر',
  'أسعار الوقود سترتفع الشهر المقبل',
];
const DAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DAYS_AR = ['الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد'];

const pick = <T>(list: T[], n: number): T => list[n % list.length]!;

function english(i: number): string {
  const a = pick(EN_SPEAKERS, i);
  const b = pick(EN_SPEAKERS, i * 3 + 1);
  const day = pick(DAYS_EN, i);
  const lines = [
    `Update ${i} on why ${pick(EN_EVENTS, i + 1)}`,
    `${a} said on ${day} that ${pick(EN_EVENTS, i)}, in statement number ${i}.`,
  ];
  if (i % 2 === 0) lines.push(`"We expect ${i} more families to arrive," ${b} told Reuters.`);
  if (i % 3 === 0) lines.push(`According to ${b}, ${pick(EN_EVENTS, i + 2)} in district ${i}.`);
  if (i % 4 === 1) lines.push(`Prices in the market rose by ${i % 17} percent over the week.`);
  return lines.join('\n') + '\n';
}

function arabic(i: number): string {
  const a = pick(AR_SPEAKERS, i);
  const b = pick(AR_SPEAKERS, i * 5 + 2);
  const day = pick(DAYS_AR, i);
  const lines = [
    `تحديث رقم ${i} حول الأوضاع في المنطقة`,
    `قالت ${a} يوم ${day} إن ${pick(AR_EVENTS, i)} في البيان رقم ${i}.`,
  ];
  if (i % 2 === 0)
    lines.push(`وأضاف ${b} لوكالة رويترز أن ${pick(AR_EVENTS, i + 1)} في الحي ${i}.`);
  if (i % 3 === 0) lines.push(`وبحسب ${b}، فإن ${pick(AR_EVENTS, i + 3)} منذ ${i} يوما.`);
  return lines.join('\n') + '\n';
}

/** Article `i`: two in three are English, one in three Arabic. */
export function generatedArticle(i: number): { text: string; language: 'ar' | 'en' } {
  return i % 3 === 2 ? { text: arabic(i), language: 'ar' } : { text: english(i), language: 'en' };
}
