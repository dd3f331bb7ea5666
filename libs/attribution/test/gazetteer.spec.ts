import {
  defaultGazetteer,
  extract,
  normalize,
  type GazetteerEntry,
  type Source,
} from '@claimtrail/attribution';
import data from '../src/gazetteer/gazetteer.json';

/**
 * The gazetteer is hand-edited data: these checks catch the mistakes a contributor makes
 * when adding an entry (a duplicate id, an alias that already names something else, a
 * country that does not exist), and the lookups check that the data reaches the output.
 */

const entries = (data as { entries: GazetteerEntry[] }).entries;
const ENTRY_KINDS = new Set(['outlet', 'agency', 'government', 'organization']);

/** The key the engine matches aliases on: normalised letters, case and spacing folded. */
const aliasKey = (alias: string): string =>
  normalize(alias).text.toLowerCase().replace(/\s+/g, ' ').trim();

/** The one source whose mentions include `mention` (as written). */
function sourceMentioned(sources: Source[], mention: string): Source | undefined {
  return sources.find((s) => s.mentions.some((m) => m.text.includes(mention)));
}

describe('gazetteer data file', () => {
  it('has at least 300 entries', () => {
    expect(entries.length).toBeGreaterThanOrEqual(300);
  });

  it('gives every entry a unique id', () => {
    const ids = entries.map((e) => e.id);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated).toEqual([]);
  });

  it('uses only the source kinds a gazetteer entry may have', () => {
    const wrong = entries.filter((e) => !ENTRY_KINDS.has(e.kind)).map((e) => `${e.id}:${e.kind}`);
    expect(wrong).toEqual([]);
  });

  it('gives every entry a display name, a type and names in English and Arabic', () => {
    const incomplete = entries
      .filter(
        (e) =>
          !e.name?.trim() ||
          !e.type?.trim() ||
          e.en.length === 0 ||
          e.ar.length === 0 ||
          [...e.en, ...e.ar].some((a) => a.trim().length === 0),
      )
      .map((e) => e.id);
    expect(incomplete).toEqual([]);
  });

  it('gives every entry at least one name in Arabic script', () => {
    // Latin acronyms («BBC») are fine as extra Arabic aliases, but not as the only one
    const noArabic = entries.filter((e) => !e.ar.some((a) => /[\u0600-\u06ff]/.test(a)));
    expect(noArabic.map((e) => e.id)).toEqual([]);
  });

  it('never lets one alias name two entries once normalised', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of entries) {
      for (const alias of new Set([e.name, ...e.en, ...e.ar].map(aliasKey))) {
        const other = owner.get(alias);
        if (other && other !== e.id) clashes.push(`${alias}: ${other} / ${e.id}`);
        owner.set(alias, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('points every country reference at a country entry', () => {
    const countries = new Set(entries.filter((e) => e.type === 'country').map((e) => e.id));
    const dangling = entries
      .filter((e) => e.country !== undefined && !countries.has(e.country))
      .map((e) => `${e.id} -> ${e.country}`);
    expect(dangling).toEqual([]);
  });

  it('gives demonyms an English form and at least one Arabic form', () => {
    const broken = entries
      .filter((e) => e.demonym && (!e.demonym.en.trim() || e.demonym.ar.length === 0))
      .map((e) => e.id);
    expect(broken).toEqual([]);
  });

  it('is the data the engine loads', () => {
    expect(defaultGazetteer().entries.map((e) => e.id)).toEqual(entries.map((e) => e.id));
  });
});

describe('gazetteer lookups through extract()', () => {
  it('names a news agency by its canonical English name', () => {
    const { sources, claims } = extract(
      'قالت وكالة رويترز إن الحكومة خفضت سعر الخبز بنسبة 10 في المئة.',
    );
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ name: 'Reuters', kind: 'agency', anonymous: false });
    expect(claims[0]?.sources.map((s) => s.name)).toEqual(['Reuters']);
  });

  it('records one mention for one occurrence of a name', () => {
    const { sources } = extract('قالت وكالة رويترز إن الحكومة خفضت سعر الخبز بنسبة 10 في المئة.');
    expect(sources[0]?.mentions.map((m) => m.text)).toEqual(['وكالة رويترز']);
  });

  it('names an outlet written in Arabic transliteration', () => {
    const { sources } = extract('ذكرت صحيفة ذا ناشيونال أن المعرض سيفتتح في الخريف المقبل.');
    expect(sourceMentioned(sources, 'ذا ناشيونال')).toMatchObject({
      name: 'The National',
      kind: 'outlet',
    });
  });

  it('finds an alias through spelling variants (ناشونال, tatweel, diacritics)', () => {
    const { sources } = extract('ذكرت صحيـفة ذا نَاشونال أن المعرض سيفتتح في الخريف المقبل.');
    expect(sources.map((s) => s.name)).toEqual(['The National']);
  });

  it('treats a capital that speaks as its government', () => {
    const { sources, claims } = extract('طهران أكدت أنها ستفرج عن الناقلة خلال يومين.');
    expect(sourceMentioned(sources, 'طهران')).toMatchObject({ name: 'Tehran', kind: 'government' });
    expect(claims[0]?.cue).toBe('أكدت');
  });

  it('resolves a ministry named by its adjective of nationality', () => {
    const { sources } = extract('قالت وزارة الخارجية الإيرانية إن السفير سيعود إلى عمله غداً.');
    expect(sources.map((s) => [s.name, s.kind])).toEqual([
      ['Iranian Foreign Ministry', 'government'],
    ]);
  });

  it('puts a relaying agency in via and the speaker in sources', () => {
    const { claims } = extract('قال مصدر أمني لوكالة رويترز إن الطريق أعيد فتحه صباح الأحد.');
    expect(claims).toHaveLength(1);
    expect(claims[0]?.via.map((v) => v.name)).toEqual(['Reuters']);
    expect(claims[0]?.sources.map((s) => s.name)).not.toContain('Reuters');
  });

  it('keeps the surface form of an outlet it does not know (quoted name)', () => {
    const { sources } = extract('ذكرت صحيفة «الفجر الجديد» أن الوزير سيزور القاهرة غداً.');
    const outlet = sourceMentioned(sources, 'الفجر الجديد');
    expect(outlet).toMatchObject({ name: 'الفجر الجديد', kind: 'outlet' });
  });

  it('keeps the quotation marks of a mention balanced', () => {
    // a mention is the source as written: «صحيفة «الفجر الجديد» or «صحيفة الفجر الجديد»,
    // not an opening mark without its closing one
    const { sources } = extract('ذكرت صحيفة «الفجر الجديد» أن الوزير سيزور القاهرة غداً.');
    for (const m of sourceMentioned(sources, 'الفجر الجديد')?.mentions ?? []) {
      expect((m.text.match(/«/g) ?? []).length).toBe((m.text.match(/»/g) ?? []).length);
    }
    expect(sources).toHaveLength(1);
  });

  it('keeps the surface form of an outlet it does not know (unquoted name)', () => {
    const { sources } = extract('ذكرت صحيفة الفجر الجديد أن الوزير سيزور القاهرة غداً.');
    const outlet = sourceMentioned(sources, 'الفجر الجديد');
    expect(outlet?.kind).toBe('outlet');
    expect(outlet?.name).toContain('الفجر الجديد');
  });

  it('keeps the surface form of an English outlet it does not know', () => {
    const { sources } = extract(
      'The Harbour Gazette newspaper reported that the ferry would resume on Monday.',
    );
    const outlet = sourceMentioned(sources, 'Harbour Gazette');
    expect(outlet?.kind).toBe('outlet');
    expect(outlet?.name).toContain('Harbour Gazette');
  });

  it('does not take an unknown paper named "Gazette" for a person', () => {
    const { sources } = extract(
      'The Harbour Gazette reported that the ferry would resume on Monday.',
    );
    expect(sourceMentioned(sources, 'Harbour Gazette')?.kind).not.toBe('person');
  });

  it('leaves direction marks out of a canonical name', () => {
    // Arabic web text often carries RLM (U+200F) after a closing quotation mark
    const { sources } = extract('ذكرت قناة «الأفق الجديد\u200f» أن الوزير سيزور القاهرة غداً.');
    expect(sources.map((s) => s.name)).toEqual(['الأفق الجديد']);
  });

  it.each([
    ['The U.S. State Department said the ferry would resume on Monday.', 'US State Department'],
    ["Iran's Press TV reported that the ferry would resume on Monday.", 'Press TV'],
    ['The dpa news agency reported that the ferry would resume on Monday.', 'dpa'],
  ])('gives the canonical name for an alias inside a longer phrase: %s', (text, name) => {
    expect(extract(text).sources.map((s) => s.name)).toEqual([name]);
  });
});
