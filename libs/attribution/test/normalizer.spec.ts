import fc from 'fast-check';
import { normalize, toOriginal, type NormalizedText } from '@claimtrail/attribution';

/** The map's invariants: one entry per kept char plus the end, non-decreasing, in range. */
function expectValidMap(nt: NormalizedText): void {
  expect(nt.map.length).toBe(nt.text.length + 1);
  expect(nt.map[nt.text.length]).toBe(nt.original.length);
  for (let i = 0; i < nt.text.length; i++) {
    expect(nt.map[i]).toBeGreaterThanOrEqual(0);
    expect(nt.map[i]).toBeLessThan(nt.original.length);
    expect(nt.map[i + 1]).toBeGreaterThanOrEqual(nt.map[i]!);
  }
}

/** The original text a normalised span maps back to. */
function back(nt: NormalizedText, start: number, end: number): string {
  const o = toOriginal(nt, start, end);
  return nt.original.slice(o.start, o.end);
}

describe('normalize(): the rules', () => {
  it('drops harakat, shadda, sukun and the superscript alef', () => {
    expect(normalize('مُحَمَّدٌ').text).toBe('محمد');
    expect(normalize('هَٰذَا').text).toBe('هذا');
    expect(normalize('بِسْمِ').text).toBe('بسم');
  });

  it('drops tatweel', () => {
    expect(normalize('الـــوزيـر').text).toBe('الوزير');
  });

  it('drops zero-width characters, direction marks, BOM and soft hyphens', () => {
    const marks = [
      '\u200b',
      '\u200c',
      '\u200d',
      '\u200e',
      '\u200f',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\ufeff',
      '\u00ad',
    ];
    for (const mark of marks)
      expect(normalize(`قال${mark}ت news${mark}room`).text).toBe('قالت newsroom');
  });

  it('unifies the alef forms', () => {
    expect(normalize('أإآٱا').text).toBe('ااااا');
    expect(normalize('أكد إن آخر').text).toBe('اكد ان اخر');
  });

  it('unifies alef maqsura with ya, and ta marbuta with ha', () => {
    expect(normalize('مستشفى').text).toBe('مستشفي');
    expect(normalize('مدرسة').text).toBe('مدرسه');
  });

  it('unifies hamza seats and keeps a lone hamza', () => {
    expect(normalize('مسؤول').text).toBe('مسوول');
    expect(normalize('سائق').text).toBe('سايق');
    expect(normalize('سماء').text).toBe('سماء');
  });

  it('folds Persian yeh and keheh into their Arabic letters', () => {
    expect(normalize('\u06cc\u06a9').text).toBe('يك');
  });

  it('turns Arabic-Indic and extended Arabic-Indic digits into ASCII', () => {
    expect(normalize('٠١٢٣٤٥٦٧٨٩').text).toBe('0123456789');
    expect(normalize('۰۱۲۳۴۵۶۷۸۹').text).toBe('0123456789');
    expect(normalize('عام ٢٠٢٤').text).toBe('عام 2024');
  });

  it('turns no-break spaces into spaces', () => {
    expect(normalize('a\u00a0b\u2007c\u202fd').text).toBe('a b c d');
  });

  it('folds presentation forms with NFKC and then applies the other rules', () => {
    expect(normalize('ﺍﻟﻌﺒﺎﺭﺓ').text).toBe('العباره'); // isolated/initial/final forms
    expect(normalize('ﺃﻛﺪ').text).toBe('اكد'); // U+FE83 alef with hamza becomes a bare alef
    expect(normalize('ﻻ').text).toBe('لا'); // one ligature, two letters
    expect(normalize('ﷲ').text).toBe('الله');
    expect(normalize('ﷺ').text).toBe('صلي الله عليه وسلم');
  });

  it('keeps the presentation-area characters NFKC does not change', () => {
    expect(normalize('﴿نص﴾').text).toBe('﴿نص﴾');
  });

  it('keeps Latin text, punctuation and quotation marks as they are', () => {
    const s = 'He said: «No», “never” and "not now" — 40% (2024).';
    expect(normalize(s).text).toBe(s);
  });

  it('keeps lone surrogates and astral characters', () => {
    const s = 'a\ud800b\udc00c😀';
    expect(normalize(s).text).toBe(s);
  });
});

describe('normalize(): the offset map', () => {
  it('points each kept character at its original position', () => {
    const nt = normalize('قالَ الـوزير');
    expect(nt.text).toBe('قال الوزير');
    expect(Array.from(nt.map)).toEqual([0, 1, 2, 4, 5, 6, 8, 9, 10, 11, 12]);
  });

  it('maps every letter of an expanded ligature to the ligature', () => {
    const nt = normalize('xﻻy');
    expect(nt.text).toBe('xلاy');
    expect(Array.from(nt.map)).toEqual([0, 1, 1, 2, 3]);
  });

  it('is well formed for a ligature that expands to many letters in a short text', () => {
    // U+FDFA expands to 18 characters; the output must still have room for all of them
    for (const s of ['ﷺ', 'xﷺ', 'ﷺﷺ', 'ﷲ ﷲ', '\ufdfd']) expectValidMap(normalize(s));
  });

  it('is well formed for every presentation-form character', () => {
    for (let c = 0xfb50; c <= 0xfeff; c++) {
      if (c > 0xfdff && c < 0xfe70) continue;
      const s = `ق${String.fromCharCode(c)}ل`;
      expect(() => normalize(s)).not.toThrow();
      expectValidMap(normalize(s));
    }
  });

  it('is well formed for any string', () => {
    const unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 200 }), (s) => expectValidMap(normalize(s))),
      { numRuns: 500 },
    );
  });
});

describe('toOriginal()', () => {
  it('maps a word back with its diacritics', () => {
    const nt = normalize('قالَ الوزيرُ إنَّ');
    const start = nt.text.indexOf('الوزير');
    expect(back(nt, start, start + 'الوزير'.length)).toBe('الوزيرُ');
  });

  it('maps a word back with its tatweel and invisible marks', () => {
    const nt = normalize('قال الـوزي\u200cر أمس');
    const start = nt.text.indexOf('الوزير');
    expect(back(nt, start, start + 'الوزير'.length)).toBe('الـوزي\u200cر');
  });

  it('drops trailing whitespace from the span', () => {
    const nt = normalize('الوزير  ');
    expect(toOriginal(nt, 0, nt.text.length)).toEqual({ start: 0, end: 6 });
  });

  it('starts after leading marks the normaliser dropped', () => {
    const nt = normalize('\ufeff\u200fقال');
    expect(toOriginal(nt, 0, 3)).toEqual({ start: 2, end: 5 });
  });

  it('ends a span that ends in a quotation mark or a digit there, before a stray mark', () => {
    // a harakah or tatweel typed after «» or a digit belongs to no letter of the span
    const quoted = normalize('«الصحة»\u064e: نص');
    expect(back(quoted, 0, quoted.text.indexOf(':'))).toBe('«الصحة»');
    const digits = normalize('عام 2024\u0640\u200f وما بعده');
    const start = digits.text.indexOf('2024');
    expect(back(digits, start, start + 4)).toBe('2024');
    // at the very end of the text too
    const last = normalize('قال: «نعم»\u0651');
    expect(back(last, 0, last.text.length)).toBe('قال: «نعم»');
  });

  it('keeps the marks after the last letter of a span, of an astral letter too', () => {
    const nt = normalize('كتبَ\u0651 نصاً');
    expect(back(nt, 0, 3)).toBe('كتبَ\u0651');
    // U+1D400 MATHEMATICAL BOLD CAPITAL A, a letter of two code units, then a zero-width mark
    const astral = normalize('\u{1d400}\u200b b');
    expect(back(astral, 0, 2)).toBe('\u{1d400}\u200b');
  });

  it('covers a whole ligature when the span ends inside it', () => {
    // «ال» in «ﺍﻻﺗﻔﺎﻕ» ends between the lam and the alef of the ligature ﻻ
    const nt = normalize('ﺍﻻﺗﻔﺎﻕ');
    expect(nt.text).toBe('الاتفاق');
    expect(toOriginal(nt, 0, 2)).toEqual({ start: 0, end: 2 });
  });

  it('round-trips: the original span of a normalised span normalises back to it', () => {
    const piece = fc.constantFrom(
      'قال',
      'الوزير',
      'إنَّ',
      'مُحَمَّد',
      'الـــرئيس',
      '٢٠٢٤',
      'said',
      ' ',
      '\u200f',
      '\ufeff',
      '«',
      '»',
      'ﺍﻟﻌﺒﺎﺭﺓ',
      'ﺍﻻﺗﻔﺎﻕ',
      'ﷺ',
      '\n',
    );
    const input = fc.array(piece, { minLength: 1, maxLength: 20 }).map((p) => p.join(''));
    fc.assert(
      fc.property(input, fc.nat(), fc.nat(), (s, a, b) => {
        const nt = normalize(s);
        const start = a % (nt.text.length + 1);
        const end = start + (b % (nt.text.length - start + 1));
        const span = nt.text.slice(start, end).trimEnd();
        const o = toOriginal(nt, start, end);
        expect(o.start).toBeLessThanOrEqual(o.end);
        expect(o.end).toBeLessThanOrEqual(s.length);
        expect(normalize(s.slice(o.start, o.end)).text).toContain(span);
      }),
      { numRuns: 1000 },
    );
  });
});
