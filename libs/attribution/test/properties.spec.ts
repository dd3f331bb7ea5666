import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { extract, type ExtractionResult, type Language } from '@claimtrail/attribution';

/**
 * Properties every extraction must have, whatever the input: the offsets index the caller's
 * string, every reference resolves, claims come in order without overlapping, and the same
 * input gives the same output. The scorer and the API store rely on all of them.
 */

const CLAIM_TYPES = new Set(['direct_quote', 'indirect', 'mixed', 'unattributed']);
const SOURCE_KINDS = new Set([
  'outlet',
  'person',
  'person_group',
  'official_group',
  'government',
  'organization',
  'agency',
  'unknown',
]);

/** Every offset in the result indexes `input` and every field has its contract shape. */
function expectWellFormed(input: string, result: ExtractionResult): void {
  expect(['ar', 'en']).toContain(result.language);
  const ids = result.sources.map((s) => s.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const source of result.sources) {
    expect(SOURCE_KINDS.has(source.kind)).toBe(true);
    expect([true, false, null]).toContain(source.anonymous);
    for (const m of source.mentions) {
      expect(input.slice(m.start, m.end)).toBe(m.text);
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeGreaterThan(m.start);
      expect(m.end).toBeLessThanOrEqual(input.length);
      expect(m.text).toBe(m.text.trim());
    }
  }
  const byId = new Map(result.sources.map((s) => [s.id, s]));
  for (const claim of result.claims) {
    expect(input.slice(claim.start, claim.end)).toBe(claim.text);
    expect(claim.start).toBeGreaterThanOrEqual(0);
    expect(claim.end).toBeGreaterThan(claim.start);
    expect(claim.end).toBeLessThanOrEqual(input.length);
    expect(claim.text).toBe(claim.text.trim());
    expect(Number.isInteger(claim.sentence) && claim.sentence >= 0).toBe(true);
    expect(claim.checkworthiness).toBeGreaterThanOrEqual(0);
    expect(claim.checkworthiness).toBeLessThanOrEqual(1);
    expect(CLAIM_TYPES.has(claim.type)).toBe(true);
    if (claim.cue !== null) expect(claim.cue.length).toBeGreaterThan(0);
    for (const ref of [...claim.sources, ...claim.via]) {
      const source = byId.get(ref.id);
      expect(source).toBeDefined();
      // a reference shows the source's canonical name and one of its mentions as written
      expect(ref.name).toBe(source?.name);
      expect(source?.mentions.map((m) => m.text)).toContain(ref.mention);
    }
  }
}

/** One occurrence in the text is one mention: «وكالة رويترز» is not also «رويترز». */
function expectOneMentionPerOccurrence(result: ExtractionResult): void {
  for (const source of result.sources) {
    const spans = [...source.mentions].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < spans.length; i++) {
      expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    }
  }
}

/** Claims come in reading order and no two share a character. */
function expectOrderedWithoutOverlap(result: ExtractionResult): void {
  for (let i = 1; i < result.claims.length; i++) {
    const prev = result.claims[i - 1]!;
    const claim = result.claims[i]!;
    expect(claim.start).toBeGreaterThanOrEqual(prev.end);
    expect(claim.sentence).toBeGreaterThanOrEqual(prev.sentence);
  }
}

// ---------------------------------------------------------------- input generators

const languageOption = fc.constantFrom<Language | undefined>(undefined, 'ar', 'en');

/** Any UTF-16 code unit, so lone surrogates and unassigned code points turn up. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const arabicPresentationForm = fc
  .oneof(fc.integer({ min: 0xfb50, max: 0xfdff }), fc.integer({ min: 0xfe70, max: 0xfeff }))
  .map((c) => String.fromCharCode(c));

/** Pieces that news text is made of, so the generator reaches the frames the engine looks for. */
const NEWS_FRAGMENTS = [
  'قال',
  'قالت',
  'وقال',
  'أكد',
  'وأكدت',
  'أن',
  'إن',
  'أنه',
  'بحسب',
  'وفقاً لـ',
  'مبيناً أن',
  'مشيراً إلى أن',
  'وأضاف',
  'نقلت',
  'عن',
  'قوله',
  'لوكالة',
  'صحيفة',
  'وكالة رويترز',
  'ذا ناشيونال',
  'مصدر دبلوماسي',
  'الدبلوماسي',
  'مسؤولون أميركيون',
  'مسؤولين أمريكيين',
  'المتحدث باسم الوزارة',
  'الوزير سامي خليل',
  'طهران',
  'بغداد أكدت أنها',
  'الحكومة',
  'الذي',
  'فيما',
  'بينما',
  'في حين',
  'د.',
  'أ.ف.ب.',
  'بيروت - أ ف ب',
  'said',
  'says',
  'told',
  'according to',
  'adding that',
  'he added',
  'citing',
  'reported',
  'Reuters',
  'The National',
  'a senior official',
  'officials',
  'the official',
  'he',
  'she',
  'Dana Whitlock',
  'Whitlock',
  'on condition of anonymity',
  'while',
  'BAGHDAD (Reuters) -',
  'Dr.',
  'U.S.',
  'Jan.',
  '3.5',
  '2024',
  '١٢٣',
  '40 مليار دولار',
  '«',
  '»',
  '“',
  '”',
  '"',
  "'",
  ':',
  '،',
  '.',
  ',',
  ';',
  '؟',
  '?',
  '!',
  '-',
  '(',
  ')',
  ' ',
  ' ',
  ' ',
  '\n',
  '\n',
  '\r\n',
  '\t',
  '\u064e', // fatha
  '\u0651', // shadda
  '\u0640', // tatweel
  '\u200b', // zero-width space
  '\u200c',
  '\u200d',
  '\u200e', // LRM
  '\u200f', // RLM
  '\u202b',
  '\u2067',
  '\u00a0',
  '\ufeff',
  '\ud800', // lone surrogates
  '\udc00',
  '😀',
];

const newsFragment = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...NEWS_FRAGMENTS) },
  { weight: 1, arbitrary: arabicPresentationForm },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  // a very long line: no punctuation, no newline
  { weight: 1, arbitrary: fc.constantFrom('كلمة ', 'word ').map((w) => w.repeat(400)) },
);

const newsText = fc.array(newsFragment, { maxLength: 80 }).map((parts) => parts.join(' '));
const newsTextTight = fc.array(newsFragment, { maxLength: 80 }).map((parts) => parts.join(''));

/** Sentences shaped like reporting, so the frames and the relay and anaphora logic run. */
const AR_SPEAKERS = [
  'الوزير سامي خليل',
  'مصدر دبلوماسي',
  'مسؤولون أميركيون',
  'مسؤولين أمريكيين',
  'وكالة رويترز',
  'صحيفة ذا ناشيونال',
  'طهران',
  'المتحدث باسم الجيش',
  'منظمة العفو الدولية',
  'الدبلوماسي',
];
const AR_CONTENT = [
  'المفاوضات ستستأنف الأسبوع المقبل في مسقط',
  'الحكومة أقرت خطة بقيمة 40 مليار دولار',
  'الجسر سيفتح أمام السيارات في عام 2026',
  'الاشتباكات أسفرت عن مقتل ١٢ شخصاً',
  'الوفد لن يعود قبل نهاية الشهر',
];
const EN_SPEAKERS = [
  'Interior Minister Dana Whitlock',
  'Whitlock',
  'a senior diplomat',
  'the diplomat',
  'two security officials',
  'officials',
  'Reuters',
  'The National',
  'Tehran',
  'he',
  'the Harbour Gazette',
];
const EN_CONTENT = [
  'talks would resume next week in Muscat',
  'the government approved a $40 billion plan',
  'the bridge will reopen to cars in 2026',
  'the clashes killed 12 people',
  'the delegation would not return before the end of the month',
];

const arabicSentence = fc
  .tuple(
    fc.integer({ min: 0, max: 8 }),
    fc.constantFrom(...AR_SPEAKERS),
    fc.constantFrom(...AR_SPEAKERS),
    fc.constantFrom(...AR_CONTENT),
    fc.constantFrom(...AR_CONTENT),
  )
  .map(
    ([shape, s, t, c, d]) =>
      [
        `وقال ${s} إن ${c}.`,
        `${s} أكد أن ${c}.`,
        `«${c}»، قال ${s}.`,
        `بحسب ${s}، ${c}.`,
        `نقلت ${t} عن ${s} قوله إن ${c}.`,
        `وأضاف أن ${c}، مبيناً أن "${d}".`,
        `${c}.`,
        `${c}، فيما ${d}.`,
        `قال ${s} لـ${t} إن ${c}، ولفت إلى أن ${d}.`,
      ][shape]!,
  );

const englishSentence = fc
  .tuple(
    fc.integer({ min: 0, max: 8 }),
    fc.constantFrom(...EN_SPEAKERS),
    fc.constantFrom(...EN_SPEAKERS),
    fc.constantFrom(...EN_CONTENT),
    fc.constantFrom(...EN_CONTENT),
  )
  .map(
    ([shape, s, t, c, d]) =>
      [
        `${s} said ${c}.`,
        `"${c[0]!.toUpperCase()}${c.slice(1)}," ${s} said.`,
        `According to ${s}, ${c}.`,
        `${s} told ${t} that ${c}.`,
        `${t} reported, citing ${s}, that ${c}.`,
        `${c[0]!.toUpperCase()}${c.slice(1)}, ${s} said, adding that ${d}.`,
        `${c[0]!.toUpperCase()}${c.slice(1)}.`,
        `${c[0]!.toUpperCase()}${c.slice(1)} while ${d}.`,
        `${s} said on condition of anonymity that ${c}; ${d}.`,
      ][shape]!,
  );

const paragraph = (sentence: fc.Arbitrary<string>) =>
  fc.array(sentence, { minLength: 1, maxLength: 3 }).map((ss) => ss.join(' '));

/** A short article: headline, maybe a dateline or byline, then paragraphs, LF or CRLF. */
const templatedArticle = fc
  .tuple(
    fc.boolean(),
    fc.constantFrom('', 'BAGHDAD (Reuters) - ', 'بيروت - أ ف ب: ', 'By Sara Lind\n'),
    fc.boolean(),
  )
  .chain(([arabic, dateline, crlf]) =>
    fc
      .array(paragraph(arabic ? arabicSentence : englishSentence), {
        minLength: 1,
        maxLength: 6,
      })
      .map((paragraphs) => {
        const headline = arabic ? 'محادثات جديدة حول الجسر' : 'New talks over the bridge';
        const text = [headline, dateline + paragraphs.join('\n')].join('\n');
        return crlf ? text.replace(/\n/g, '\r\n') : text;
      }),
  );

/** Characters the normaliser drops: they must change offsets and nothing else. */
const INVISIBLE = [
  '\u064e', // fatha
  '\u0650', // kasra
  '\u0651', // shadda
  '\u0652', // sukun
  '\u0670', // superscript alef
  '\u0640', // tatweel
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202b',
  '\u202c',
  '\u2067',
  '\u2069',
  '\ufeff',
  '\u00ad',
];
const INVISIBLE_SET = new Set(INVISIBLE);
const strip = (s: string): string =>
  Array.from(s)
    .filter((ch) => !INVISIBLE_SET.has(ch))
    .join('');

function decorate(text: string, marks: readonly { at: number; mark: string }[]): string {
  let out = text;
  for (const { at, mark } of marks) {
    let i = at % (out.length + 1);
    // never split a surrogate pair
    if (i > 0 && i < out.length && /[\ud800-\udbff]/.test(out[i - 1]!)) i++;
    out = out.slice(0, i) + mark + out.slice(i);
  }
  return out;
}

const invisibleMarks = fc.array(fc.record({ at: fc.nat(), mark: fc.constantFrom(...INVISIBLE) }), {
  minLength: 1,
  maxLength: 30,
});

/** What a reader sees of a result: everything except the offsets. */
function reading(result: ExtractionResult) {
  return {
    language: result.language,
    claims: result.claims.map((c) => ({
      text: strip(c.text),
      sentence: c.sentence,
      type: c.type,
      cue: c.cue === null ? null : strip(c.cue),
      sources: c.sources.map((r) => strip(r.name)),
      via: c.via.map((r) => strip(r.name)),
      checkworthiness: c.checkworthiness,
    })),
    sources: result.sources.map((s) => ({
      name: strip(s.name),
      kind: s.kind,
      anonymous: s.anonymous,
      mentions: s.mentions.map((m) => strip(m.text)),
    })),
  };
}

const ARTICLE_DIR = join(__dirname, '../../../test/fixtures/dev-set/articles');
const ARTICLES = readdirSync(ARTICLE_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(ARTICLE_DIR, f), 'utf8'));

type Edit =
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'truncate'; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(60) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: newsFragment }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('duplicate' as const),
      at: fc.nat(),
      length: fc.nat(200),
    }),
  },
  // scraped text is often cut off mid-sentence
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }) },
);

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of edits) {
    const at = e.at % (out.length + 1);
    if (e.op === 'delete') out = out.slice(0, at) + out.slice(at + e.length);
    else if (e.op === 'insert') out = out.slice(0, at) + e.text + out.slice(at);
    else if (e.op === 'duplicate') out = out.slice(0, at + e.length) + out.slice(at);
    else out = out.slice(0, at);
  }
  return out;
}

/** A dev-set article with a few random deletions, insertions, duplications and cuts. */
const mutatedArticle = fc
  .record({ article: fc.constantFrom(...ARTICLES), edits: fc.array(edit, { maxLength: 8 }) })
  .map(({ article, edits }) => applyEdits(article, edits));

const FAMILIES: [string, fc.Arbitrary<string>, number][] = [
  ['printable ASCII strings', fc.string({ maxLength: 400 }), 1000],
  ['Unicode strings (graphemes)', fc.string({ unit: 'grapheme', maxLength: 200 }), 500],
  ['strings of any UTF-16 code units', fc.string({ unit: codeUnit, maxLength: 300 }), 500],
  ['Arabic and English news fragments', fc.oneof(newsText, newsTextTight), 600],
  ['templated news articles', templatedArticle, 500],
  [
    'templated news articles, cut and mutated',
    fc
      .tuple(templatedArticle, fc.array(edit, { minLength: 1, maxLength: 4 }))
      .map(([article, edits]) => applyEdits(article, edits)),
    500,
  ],
  ['mutated dev-set articles', mutatedArticle, 300],
];

describe('extract() properties', () => {
  describe.each(FAMILIES)('on %s', (_name, text, numRuns) => {
    it('never throws, and every offset and field has its contract shape', () => {
      fc.assert(
        fc.property(text, languageOption, (input, language) => {
          expectWellFormed(input, extract(input, { language }));
        }),
        { numRuns },
      );
    });

    it('lists claims in reading order without overlaps', () => {
      fc.assert(
        fc.property(text, languageOption, (input, language) => {
          expectOrderedWithoutOverlap(extract(input, { language }));
        }),
        { numRuns },
      );
    });

    it('records each occurrence of a source as one mention', () => {
      fc.assert(
        fc.property(text, languageOption, (input, language) => {
          expectOneMentionPerOccurrence(extract(input, { language }));
        }),
        { numRuns: Math.ceil(numRuns / 2) },
      );
    });

    it('is deterministic, also when other articles are extracted in between', () => {
      fc.assert(
        fc.property(text, text, (input, other) => {
          const first = extract(input);
          extract(other);
          expect(extract(input)).toEqual(first);
        }),
        { numRuns: Math.ceil(numRuns / 3) },
      );
    });
  });

  it('respects the language option whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(newsText, fc.string({ unit: codeUnit, maxLength: 100 })),
        fc.constantFrom<Language>('ar', 'en'),
        (input, language) => {
          expect(extract(input, { language }).language).toBe(language);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('detects Arabic for text written only in Arabic letters, English for Latin only', () => {
    const arabicWord = fc.string({
      // letters only: U+0640 (tatweel) sits inside this block but is not a letter
      unit: fc
        .oneof(fc.integer({ min: 0x0621, max: 0x063a }), fc.integer({ min: 0x0641, max: 0x064a }))
        .map((c) => String.fromCharCode(c)),
      minLength: 1,
      maxLength: 12,
    });
    const latinWord = fc.stringMatching(/^[A-Za-z]{1,12}$/);
    const sentence = (word: fc.Arbitrary<string>) =>
      fc.array(word, { minLength: 1, maxLength: 30 }).map((ws) => ws.join(' ') + '.');
    fc.assert(
      fc.property(sentence(arabicWord), sentence(latinWord), (ar, en) => {
        expect(extract(ar).language).toBe('ar');
        expect(extract(en).language).toBe('en');
      }),
      { numRuns: 300 },
    );
  });

  it('reads the same claims when diacritics, tatweel and invisible marks are added', () => {
    const article = fc.oneof(templatedArticle, fc.constantFrom(...ARTICLES));
    fc.assert(
      fc.property(article, invisibleMarks, (plain, marks) => {
        const decorated = decorate(plain, marks);
        const result = extract(decorated);
        for (const c of result.claims) expect(decorated.slice(c.start, c.end)).toBe(c.text);
        expect(reading(result)).toEqual(reading(extract(plain)));
      }),
      { numRuns: 300 },
    );
  });

  it('reads the same claims with CRLF line endings as with LF', () => {
    const article = fc.oneof(templatedArticle, fc.constantFrom(...ARTICLES));
    fc.assert(
      fc.property(article, (text) => {
        const lf = text.replace(/\r\n/g, '\n');
        const crlf = lf.replace(/\n/g, '\r\n');
        const result = extract(crlf);
        for (const c of result.claims) expect(crlf.slice(c.start, c.end)).toBe(c.text);
        expect(reading(result)).toEqual(reading(extract(lf)));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the offsets of an article when spelling variants and marks are added', () => {
    // Diacritics and tatweel change nothing the engine matches on, so the claims found must
    // be the same, only with offsets into the decorated text.
    const plain = 'قال المتحدث باسم الوزارة إن المفاوضات ستستأنف في مسقط يوم الأحد.';
    const decorated = plain.replace('المفاوضات', 'المفاوَضات').replace('قال', 'قـــال');
    const a = extract(plain);
    const b = extract(decorated);
    expect(b.claims.map((c) => c.type)).toEqual(a.claims.map((c) => c.type));
    expect(b.claims.map((c) => c.sources.map((s) => s.name))).toEqual(
      a.claims.map((c) => c.sources.map((s) => s.name)),
    );
    expect(a.claims.length).toBeGreaterThan(0);
    for (const c of b.claims) expect(decorated.slice(c.start, c.end)).toBe(c.text);
    expect(b.claims[0]?.text).toBe('المفاوَضات ستستأنف في مسقط يوم الأحد');
  });
});

describe('extract() on inputs found by the properties', () => {
  // Concrete cases, so a regression names its input without a fast-check replay.
  it('does not throw on the ornate parentheses that frame Quranic quotations', () => {
    const input = 'قال الإمام في خطبته إن الآية ﴿ إن مع العسر يسرا ﴾ تبعث على الأمل.';
    expect(() => extract(input)).not.toThrow();
  });

  it('does not throw on Arabic presentation-form symbols or noncharacters', () => {
    for (const c of ['\ufbb2', '\ufd3e', '\ufd3f', '\ufdfd', '\ufdd0', '\ufefe']) {
      expect(() => extract(`قال الوزير ${c} إن الخطة جاهزة.`)).not.toThrow();
    }
  });

  it('does not throw on a sentence cut off after "adding that"', () => {
    // a truncated paragraph: the continuation cue has no content after it
    expect(() => extract('Officials said the port reopened, adding that')).not.toThrow();
  });

  it('does not nest a continuation claim inside the claim before it', () => {
    const input =
      'الوزير خالد ناصر، الذي يتابع الملف منذ عامين، قال للصحافيين إن الحكومة «ستواصل دعم المزارعين»، ورأى أن «الموسم المقبل سيكون أفضل، لكنه لن يكون سهلاً».';
    const { claims } = extract(input);
    expectOrderedWithoutOverlap({ language: 'ar', claims, sources: [] });
    expect(claims.map((c) => c.text)).toEqual([
      'الحكومة «ستواصل دعم المزارعين»',
      'الموسم المقبل سيكون أفضل، لكنه لن يكون سهلاً',
    ]);
  });
});
