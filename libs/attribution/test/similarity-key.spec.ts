import fc from 'fast-check';
import { similarityKey } from '@claimtrail/attribution';

describe('similarityKey(): the text claims are compared by', () => {
  it('ignores Arabic diacritics, tatweel, alef and hamza forms, alef maqsura and ta marbuta', () => {
    const plain = 'قال الوزير ان الهجوم وقع امس علي الطريق في المدينه';
    expect(similarityKey('قالَ الوزيرُ إنّ الهجومَ وقعَ أمسِ على الطريقِ في المدينةِ')).toBe(plain);
    expect(similarityKey('قـــال الوزير ان الهجوم وقع آمس على الطريق في المدينة')).toBe(plain);
    expect(similarityKey('مؤتمر رئيس')).toBe(similarityKey('موتمر رييس'));
  });

  it('folds case, accents, ligatures and Arabic-Indic digits', () => {
    expect(similarityKey('The STRIKE killed ١٢ People in Café ﬁeld')).toBe(
      'the strike killed 12 people in cafe field',
    );
  });

  it('turns every run of punctuation and space into one space, trimmed', () => {
    expect(similarityKey('  «The strike», officials said — "killed 12."  ')).toBe(
      'the strike officials said killed 12',
    );
    expect(similarityKey('قال:«نعم»،\u200fوأضاف؛ لا!')).toBe('قال نعم واضاف لا');
    expect(similarityKey('?!…')).toBe('');
  });

  it('is stable: a key is its own key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        const key = similarityKey(s);
        expect(similarityKey(key)).toBe(key);
        expect(key).not.toMatch(/^\s|\s$|\s{2}/u);
      }),
    );
  });
});
