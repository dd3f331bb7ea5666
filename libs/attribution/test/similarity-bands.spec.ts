import fc from 'fast-check';
import { similarityBands, similarityKey } from '@claimtrail/attribution';
import { BANDS, MIN_WORDS } from '../src/text/similarity-bands';

const bandsOf = (text: string) => similarityBands(similarityKey(text));
const shared = (a: number[], b: number[]) => a.filter((x) => b.includes(x)).length;

describe('similarityBands(): MinHash bands of a similarity key', () => {
  it('gives BANDS 32-bit integers, the same for the same key, and none for short keys', () => {
    const bands = bandsOf('The ministry said 40 trucks of flour reached the depot');
    expect(bands).toHaveLength(BANDS);
    for (const b of bands) expect(Number.isInteger(b) && b >= -(2 ** 31) && b < 2 ** 31).toBe(true);
    expect(bandsOf('the MINISTRY said: 40 trucks of flour reached the depot!')).toEqual(bands);
    expect(similarityBands('في غضون ذلك')).toEqual([]);
    expect(similarityBands('he said that')).toEqual([]);
    // MIN_WORDS words are enough
    expect(
      similarityBands(Array.from({ length: MIN_WORDS }, (_, i) => `w${i}`).join(' ')),
    ).toHaveLength(BANDS);
    expect(similarityBands('')).toEqual([]);
  });

  it('gives the values it always gave: stored bands are compared with those of new claims', () => {
    // computed by the first release of similarityBands
    expect(similarityBands('the strike killed 12 people in the city centre')).toEqual([
      -529016020, -75968151, 2139435967, -1993628924, 328902297, 530726537, -630585119, 603746185,
      -493370778, -831898365,
    ]);
    expect(similarityBands('قال الوزير ان الهجوم اسفر عن مقتل 12 شخصا')).toEqual([
      -95857329, -673991904, -101879741, -911829197, 1386008085, 1066020549, 736925672, -1917377738,
      -1518799079, 1047041057,
    ]);
    // a character beyond the BMP (two UTF-16 units), and runs of spaces
    expect(similarityBands('𝒜lpha beta gamma delta')).toEqual([
      -1609375746, 1675673166, 467247064, -1554709812, 1095363251, -1173050106, 2057147806,
      381172643, -1929925078, 1600688643,
    ]);
    expect(similarityBands('x  y   z w')).toEqual([
      1428368750, -941127861, 499080369, 2102599088, 1623057748, 597653152, -1527044215,
      -1686637929, -1732168036, -184862800,
    ]);
  });

  it('makes near copies candidates, in English and in Arabic', () => {
    const pairs: [string, string][] = [
      [
        'Forty trucks of flour reached the northern depot overnight, the ministry said',
        'Forty trucks of flour reached the northern depot overnight, the ministry of trade said',
      ],
      [
        'The strike killed at least 12 people and wounded 30 others in the city centre',
        'The strike killed at least 12 people and wounded 31 others in the city center',
      ],
      [
        'قال المتحدث إن الهجوم أسفر عن مقتل 12 شخصا وإصابة 30 آخرين في وسط المدينة',
        'وقال المتحدث إن الهجوم أسفر عن مقتل 12 شخصاً وإصابة 30 آخرين وسط المدينة',
      ],
      [
        'أكدت الحكومة العراقية أن القوات الأمريكية ستغادر القاعدة قبل نهاية العام',
        'اكدت الحكومة العراقية ان القوات الامريكية ستغادر القاعدة قبل نهاية العام الحالي',
      ],
    ];
    for (const [a, b] of pairs) expect(shared(bandsOf(a), bandsOf(b))).toBeGreaterThan(0);
  });

  it('rarely makes claims of different stories candidates', () => {
    const claims = [
      'The central bank will sell 300 million dollars to importers on Thursday',
      'Rescue teams pulled two survivors from the rubble of the collapsed building',
      'The border crossing stayed closed for a third day because of the storm',
      'Officials said the vaccine campaign reached half of the children in the province',
      'The parliament postponed the vote on the budget until next month',
      'قال الوزير إن أسعار الوقود لن ترتفع قبل نهاية السنة المالية',
      'أعلنت الشركة عن خطة لبناء محطة كهرباء جديدة في الجنوب',
      'ذكرت مصادر محلية أن الأمطار الغزيرة أغرقت عشرات المنازل في القرية',
    ];
    let candidates = 0;
    for (let i = 0; i < claims.length; i++)
      for (let j = i + 1; j < claims.length; j++)
        if (shared(bandsOf(claims[i]!), bandsOf(claims[j]!)) > 0) candidates += 1;
    expect(candidates).toBe(0);
  });

  it('shares a band with probability close to 1 − (1 − s³)¹⁰ for word sets of similarity s', () => {
    // texts of distinct made-up words: every word brings its own trigrams, so the Jaccard
    // index of the trigram sets is close to that of the word sets
    const word = (i: number) => `w${i.toString(36)}q${(i * 7919).toString(36)}`;
    const rate = (keep: number, trials: number) => {
      let hits = 0;
      for (let t = 0; t < trials; t++) {
        const base = Array.from({ length: 20 }, (_, i) => word(t * 1000 + i));
        const other = base.map((w, i) => (i < keep ? w : word(t * 1000 + 500 + i)));
        if (shared(similarityBands(base.join(' ')), similarityBands(other.join(' '))) > 0)
          hits += 1;
      }
      return hits / trials;
    };
    // 18 of 20 words kept: similarity about 0.8, nearly always candidates
    expect(rate(18, 60)).toBeGreaterThan(0.9);
    // 4 of 20 kept: about 0.11, rarely
    expect(rate(4, 60)).toBeLessThan(0.1);
  });

  it('never throws, and gives either none or BANDS integers for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const bands = similarityBands(similarityKey(s));
        expect(bands.length === 0 || bands.length === BANDS).toBe(true);
        expect(bands.every((b) => Number.isInteger(b))).toBe(true);
      }),
    );
  });
});
