/**
 * Distinct, news-like articles for the pipeline benchmark, half English and half Arabic: a
 * dateline, then three to five sentences drawn from templates with the phenomena the engine
 * handles (named and unnamed speakers, "according to", relays such as "told Reuters",
 * direct quotes, the outlet's own voice). Names, places, days and figures vary with a
 * seeded generator, and every article carries its own case number, so no two texts are
 * the same. Deterministic: the same seed gives the same articles.
 */
export interface BenchArticle {
  text: string;
  headline: string;
  outlet: string;
  url: string;
  language: 'ar' | 'en';
  publishedAt: string;
}

/** mulberry32: small, fast and good enough to vary templates. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pick = <T>(list: readonly T[]) => T;

const EN = {
  outlets: ['Reuters', 'The National', 'Associated Press', 'Middle East Eye', 'Al-Monitor'],
  places: ['Baghdad', 'Mosul', 'Basra', 'Amman', 'Beirut', 'Sidon', 'Khartoum', 'Aden', 'Erbil'],
  named: [
    'Interior Minister Ahmed al-Rashid',
    'Health Minister Layla Haddad',
    'Governor Karim Mansour',
    'Army spokesman Colonel Samir Aziz',
    'UN envoy Maria Lindqvist',
    'Central bank governor Omar Saleh',
  ],
  unnamed: [
    'US officials',
    'a senior diplomat',
    'two security sources',
    'the health ministry',
    'local residents',
    'a spokesman for the army',
    'aid workers',
  ],
  events: [
    'the border crossing would reopen within {n} days',
    'at least {n} people were wounded in the strike',
    'talks on the ceasefire had stalled after {n} rounds',
    'fuel prices would rise by {p} percent next month',
    'the convoy of {n} trucks had reached the city before dawn',
    'the dam held {n} million cubic metres more water than last year',
    '{n} families had been moved to temporary shelters',
  ],
  days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

const AR = {
  outlets: ['وكالة الأنباء العراقية', 'الشرق الأوسط', 'فرانس برس', 'العربي الجديد', 'الجزيرة نت'],
  places: ['بغداد', 'الموصل', 'البصرة', 'عمّان', 'بيروت', 'صيدا', 'الخرطوم', 'عدن', 'أربيل'],
  named: [
    'وزير الداخلية أحمد الراشد',
    'وزيرة الصحة ليلى حداد',
    'المحافظ كريم منصور',
    'المتحدث باسم الجيش العقيد سمير عزيز',
    'المبعوث الأممي ماريا ليندكفيست',
  ],
  unnamed: [
    'مسؤولون أمريكيون',
    'مصدر دبلوماسي رفيع',
    'مصدران أمنيان',
    'وزارة الصحة',
    'سكان محليون',
    'عمال إغاثة',
  ],
  events: [
    'المعبر الحدودي سيعاد فتحه خلال {n} أيام',
    '{n} أشخاص على الأقل أصيبوا في الغارة',
    'المحادثات بشأن وقف إطلاق النار توقفت بعد {n} جولات',
    'أسعار الوقود سترتفع بنسبة {p} في المئة الشهر المقبل',
    'قافلة من {n} شاحنة وصلت إلى المدينة قبل الفجر',
    '{n} عائلة نُقلت إلى ملاجئ مؤقتة',
  ],
  days: ['الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد'],
};

function fill(template: string, rnd: () => number): string {
  return template
    .replace('{n}', String(2 + Math.floor(rnd() * 480)))
    .replace('{p}', String(1 + Math.floor(rnd() * 40)));
}

function english(i: number, rnd: () => number, pick: Pick): BenchArticle {
  const place = pick(EN.places);
  const day = pick(EN.days);
  const outlet = pick(EN.outlets);
  const event = () => fill(pick(EN.events), rnd);
  const sentences = [
    `${pick(EN.named)} said on ${day} that ${event()}.`,
    `"We expect ${2 + Math.floor(rnd() * 90)} more families to arrive in ${place} this week," ${pick(EN.unnamed)} told Reuters.`,
    `According to ${pick(EN.unnamed)}, ${event()}.`,
    `${capitalise(pick(EN.unnamed))} said ${event()}, speaking on condition of anonymity.`,
    `Prices in the ${place} market rose by ${1 + Math.floor(rnd() * 30)} percent over the week.`,
    `The ministry said in a statement that ${event()}, and that case ${i + 1} remained open.`,
  ];
  const body = choose(sentences, 3 + Math.floor(rnd() * 3), rnd);
  body.push(`The report, filed as case ${i + 1}, was updated on ${day}.`);
  return {
    text: `${place.toUpperCase()} (${outlet}) - ${body.join(' ')}\n`,
    headline: `${capitalise(event())} in ${place}, officials say`,
    outlet,
    url: `https://news.example.org/en/${i + 1}-${place.toLowerCase()}`,
    language: 'en',
    publishedAt: publishedAt(i),
  };
}

function arabic(i: number, rnd: () => number, pick: Pick): BenchArticle {
  const place = pick(AR.places);
  const day = pick(AR.days);
  const outlet = pick(AR.outlets);
  const event = () => fill(pick(AR.events), rnd);
  const sentences = [
    `قال ${pick(AR.named)} يوم ${day} إن ${event()}.`,
    `وأضاف ${pick(AR.unnamed)} لوكالة رويترز أن ${event()} في ${place}.`,
    `وبحسب ${pick(AR.unnamed)}، فإن ${event()}.`,
    `وقال ${pick(AR.named)} في بيان: "نتوقع وصول ${2 + Math.floor(rnd() * 90)} عائلة أخرى هذا الأسبوع".`,
    `وأكد ${pick(AR.unnamed)} أن ${event()}، طالبين عدم الكشف عن هويتهم.`,
    `وارتفعت الأسعار في أسواق ${place} بنسبة ${1 + Math.floor(rnd() * 30)} في المئة خلال الأسبوع.`,
  ];
  const body = choose(sentences, 3 + Math.floor(rnd() * 3), rnd);
  body.push(`وجرى تحديث هذا التقرير، المسجل برقم ${i + 1}، يوم ${day}.`);
  return {
    text: `${place} - ${outlet}\n${body.join(' ')}\n`,
    headline: `${event()} في ${place}`,
    outlet,
    url: `https://news.example.org/ar/${i + 1}`,
    language: 'ar',
    publishedAt: publishedAt(i),
  };
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** `count` of the sentences, kept in their template order. */
function choose(sentences: string[], count: number, rnd: () => number): string[] {
  const order = sentences.map((s, k) => ({ s, k, key: rnd() }));
  return order
    .sort((a, b) => a.key - b.key)
    .slice(0, count)
    .sort((a, b) => a.k - b.k)
    .map((x) => x.s);
}

/** Spread over the last 30 days, so every date passes the "not in the future" check. */
function publishedAt(i: number): string {
  return new Date(Date.now() - 3600_000 - (i % 720) * 3600_000).toISOString();
}

/** `count` distinct articles; even indices are English, odd ones Arabic. */
export function benchArticles(count: number, seed = 3): BenchArticle[] {
  const rnd = random(seed);
  const pick: Pick = (list) => list[Math.floor(rnd() * list.length)]!;
  const seen = new Set<string>();
  const articles: BenchArticle[] = [];
  for (let i = 0; i < count; i++) {
    const article = i % 2 === 0 ? english(i, rnd, pick) : arabic(i, rnd, pick);
    // the case number makes each text unique; the check guards the templates
    if (seen.has(article.text)) throw new Error(`benchmark article ${i} is a duplicate`);
    seen.add(article.text);
    articles.push(article);
  }
  return articles;
}
