import fc from 'fast-check';
import { similarityKey, trigramSimilarity, trigramsOf } from '@claimtrail/attribution';

const similarity = (a: string, b: string) =>
  trigramSimilarity(trigramsOf(similarityKey(a)), trigramsOf(similarityKey(b)));

describe('trigramsOf(): the trigrams of a similarity key, as pg_trgm takes them', () => {
  it('pads each word with two spaces in front and one behind, and drops duplicates', () => {
    // "  ab " gives "  a", " ab", "ab "; "  a " gives "  a", " a "
    expect(trigramsOf('ab').size).toBe(3);
    expect(trigramsOf('a').size).toBe(2);
    expect(trigramsOf('ab a').size).toBe(4);
    expect(trigramsOf('ab ab').size).toBe(3);
    expect(trigramsOf('').size).toBe(0);
  });

  it('counts by code point, Arabic letters and characters beyond the BMP alike', () => {
    // "  قال ": "  ق", " قا", "قال", "ال "; with «قول» only the first is shared
    expect(trigramsOf('قال').size).toBe(4);
    expect(trigramSimilarity(trigramsOf('قال'), trigramsOf('قول'))).toBe(Math.fround(1 / 7));
    // 𝒜 is one code point (two UTF-16 units): "  𝒜", " 𝒜b", "𝒜b "
    expect(trigramsOf('𝒜b').size).toBe(3);
    // U+20000 is past 2^17, so its trigrams are kept as strings: "  𠀀" and " 𠀀 " twice
    // each, and their repeats dropped as well
    expect(trigramsOf('𠀀 𠀀').size).toBe(2);
    expect(trigramSimilarity(trigramsOf('𠀀 𠀀 b'), trigramsOf('𠀀 c'))).toBe(Math.fround(2 / 6));
    expect(trigramSimilarity(trigramsOf('𝒜b'), trigramsOf('𝒜c'))).toBe(Math.fround(1 / 5));
  });
});

describe('trigramSimilarity(): shared trigrams over all trigrams of two keys', () => {
  it('is 1 for texts that differ in case, punctuation, diacritics and letter forms', () => {
    expect(
      similarity('The strike, officials said, killed 12.', 'the strike officials said killed 12'),
    ).toBe(1);
    expect(similarity('قالَ الوزيرُ إنّ الهجومَ', 'قال الوزير ان الهجوم')).toBe(1);
  });

  it('gives the Jaccard index of the trigram sets as a 32-bit float', () => {
    // "ab": {"  a", " ab", "ab "}; "ac": {"  a", " ac", "ac "}: 1 shared of 5
    expect(trigramSimilarity(trigramsOf('ab'), trigramsOf('ac'))).toBe(Math.fround(0.2));
    expect(trigramSimilarity(trigramsOf('ab'), trigramsOf('xy'))).toBe(0);
    expect(trigramSimilarity(trigramsOf(''), trigramsOf('ab'))).toBe(0);
    expect(trigramSimilarity(trigramsOf(''), trigramsOf(''))).toBe(0);
  });

  it('scores a sentence with a word or two changed between the threshold and 1', () => {
    const s = similarity(
      'Forty trucks of flour reached the northern depot overnight, the ministry said',
      'Forty trucks of flour reached the northern depot overnight, the trade ministry said',
    );
    expect(s).toBeGreaterThan(0.6);
    expect(s).toBeLessThan(1);
    expect(
      similarity(
        'The central bank will sell 300 million dollars to importers on Thursday',
        'Rescue teams pulled two survivors from the rubble of the collapsed building',
      ),
    ).toBeLessThan(0.3);
  });

  it('is symmetric, within 0..1, 1 with itself and never throws, for any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        (a, b) => {
          const [x, y] = [trigramsOf(similarityKey(a)), trigramsOf(similarityKey(b))];
          const s = trigramSimilarity(x, y);
          expect(s).toBe(trigramSimilarity(y, x));
          expect(s >= 0 && s <= 1).toBe(true);
          expect(trigramSimilarity(x, x)).toBe(x.size === 0 ? 0 : 1);
        },
      ),
    );
  });
});
