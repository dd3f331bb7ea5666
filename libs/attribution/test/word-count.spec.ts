import fc from 'fast-check';
import { countWords } from '../src/text/tokens';

/** The definition countWords computes in one pass. */
const byWords = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

describe('countWords(): words that hold a letter or a digit', () => {
  it('counts runs of anything but white space that hold a letter or a digit', () => {
    expect(countWords('The strike killed 12 people.')).toBe(5);
    expect(countWords('  — , ; 12 ')).toBe(1);
    expect(countWords('قال المتحدث: «الهجوم فشل»')).toBe(4);
    // diacritics alone are no letters; a no-break space and a line separator part words
    expect(countWords('\u064b\u064c x\u00a0y\u2028z')).toBe(3);
    // a letter beyond the BMP (two UTF-16 units)
    expect(countWords('𝒜 !')).toBe(1);
    expect(countWords('')).toBe(0);
  });

  it('agrees with splitting on white space for any text', () => {
    const pieces = fc.constantFrom(
      ' ',
      '\t',
      '\n',
      '\u00a0',
      '\u2003',
      '\u3000',
      '\ufeff',
      '\u200b',
      '.',
      '«',
      '—',
      '1',
      'a',
      'Z',
      'é',
      'ب',
      '\u064e',
      '٣',
      '𝒜',
      '\ud800',
      '\udc00',
      '😀',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme' })), { maxLength: 40 }),
        (parts) => {
          const s = parts.join('');
          expect(countWords(s)).toBe(byWords(s));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
