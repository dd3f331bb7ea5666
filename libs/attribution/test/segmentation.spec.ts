import { extract, type Language } from '@claimtrail/attribution';
import { normalize } from '../src/text/normalizer';
import { detectLanguage, segment } from '../src/text/segmentation';

/**
 * The engine segments the normalised text, so these tests do the same and compare with the
 * normalised form of what a reader would call the sentence.
 */
function segmented(raw: string, language: Language) {
  const text = normalize(raw).text;
  const seg = segment(text, language);
  return {
    sentences: seg.sentences.map((s) => text.slice(s.start, s.end)),
    paragraphs: seg.paragraphs.map((p) => ({
      text: text.slice(p.start, p.end),
      body: text.slice(p.bodyStart, p.end),
      headline: p.headline,
      furniture: p.furniture,
      sentences: p.sentences.map((s) => text.slice(s.start, s.end)),
    })),
    datelineSource: seg.datelineSource
      ? text.slice(seg.datelineSource.start, seg.datelineSource.end)
      : null,
  };
}

const n = (s: string): string => normalize(s).text;

describe('segment(): lines', () => {
  it('takes a first line without a full stop as the headline', () => {
    const { paragraphs } = segmented(
      'Ferry service resumes after storm\nThe ferry sailed at noon.',
      'en',
    );
    expect(paragraphs.map((p) => [p.text, p.headline])).toEqual([
      ['Ferry service resumes after storm', true],
      ['The ferry sailed at noon.', false],
    ]);
  });

  it('does not take a first line that ends a sentence, or an overlong one, as a headline', () => {
    expect(segmented('The ferry sailed at noon.\nIt was full.', 'en').paragraphs[0]?.headline).toBe(
      false,
    );
    const long = `${'The ferry sailed again '.repeat(14)}after a week`;
    expect(long.length).toBeGreaterThan(300);
    expect(segmented(`${long}\nIt was full.`, 'en').paragraphs[0]?.headline).toBe(false);
  });

  it('marks English bylines and credits as furniture', () => {
    const { paragraphs } = segmented(
      'Ferry service resumes after storm\nBy Sara Lind\nThe ferry sailed at noon.\nReporting by Sara Lind; Editing by Tom Hale',
      'en',
    );
    expect(paragraphs.map((p) => p.furniture)).toEqual([false, true, false, true]);
  });

  it('marks Arabic bylines and a dateline on its own line as furniture', () => {
    const { paragraphs } = segmented(
      'عودة العبّارة بعد العاصفة\nكتب: سامي يوسف\nبيروت - أ ف ب\nأبحرت العبّارة عند الظهر وعلى متنها مئتا راكب.\nبقلم سامي يوسف',
      'ar',
    );
    expect(paragraphs.map((p) => [p.headline, p.furniture])).toEqual([
      [true, false],
      [false, true],
      [false, true],
      [false, false],
      [false, true],
    ]);
  });

  it('treats a newline as a hard boundary even inside an unfinished sentence', () => {
    const { paragraphs, sentences } = segmented(
      'Ferry news\nThe minister said\nthe ferry would sail.',
      'en',
    );
    expect(sentences).toEqual(['Ferry news', 'The minister said', 'the ferry would sail.']);
    expect(paragraphs.map((p) => p.sentences.length)).toEqual([1, 1, 1]);
  });

  it('accepts CRLF line endings and blank lines', () => {
    const { paragraphs } = segmented(
      'Ferry news\r\n\r\nThe ferry sailed at noon.\r\n  \r\nIt was full.\r\n',
      'en',
    );
    expect(paragraphs.map((p) => p.text)).toEqual([
      'Ferry news',
      'The ferry sailed at noon.',
      'It was full.',
    ]);
  });

  it('numbers sentences across the article and records their paragraph', () => {
    const text = 'Ferry news\nIt sailed. It docked.\nIt left again.';
    const seg = segment(text, 'en');
    expect(seg.sentences.map((s) => [s.index, s.paragraph])).toEqual([
      [0, 0],
      [1, 1],
      [2, 1],
      [3, 2],
    ]);
  });
});

describe('segment(): datelines', () => {
  it('cuts "BAGHDAD (Reuters) -" and names the agency', () => {
    const r = segmented('Ferry news\nBAGHDAD (Reuters) - The ferry sailed at noon.', 'en');
    expect(r.paragraphs[1]?.body).toBe('The ferry sailed at noon.');
    expect(r.sentences[1]).toBe('The ferry sailed at noon.');
    expect(r.datelineSource).toBe('Reuters');
  });

  it('cuts a dateline with a date, "BEIRUT, Oct 3 (AFP) –"', () => {
    const r = segmented('BEIRUT, Oct 3 (AFP) – The ferry sailed at noon.', 'en');
    expect(r.sentences).toEqual(['The ferry sailed at noon.']);
    expect(r.datelineSource).toBe('AFP');
  });

  it('cuts only the first body paragraph', () => {
    const r = segmented(
      'Ferry news\nBEIRUT (AFP) - The ferry sailed.\nSIDON (AFP) - A second ferry sailed.',
      'en',
    );
    expect(r.paragraphs[2]?.body).toBe('SIDON (AFP) - A second ferry sailed.');
  });

  it('cuts «بيروت - أ ف ب:» and names the agency', () => {
    const r = segmented('بيروت - أ ف ب: أبحرت العبّارة عند الظهر.', 'ar');
    expect(r.sentences).toEqual([n('أبحرت العبّارة عند الظهر.')]);
    expect(r.datelineSource).toBe(n('أ ف ب'));
  });

  it('cuts «عمّان (بترا) -» and names the agency', () => {
    const r = segmented('عمّان (بترا) - أبحرت العبّارة عند الظهر.', 'ar');
    expect(r.sentences).toEqual([n('أبحرت العبّارة عند الظهر.')]);
    expect(r.datelineSource).toBe('بترا');
  });

  it('cuts «بيروت - أ ف ب -» written with a second dash', () => {
    const r = segmented('بيروت - أ ف ب - أبحرت العبّارة عند الظهر.', 'ar');
    expect(r.sentences).toEqual([n('أبحرت العبّارة عند الظهر.')]);
    expect(r.datelineSource).toBe(n('أ ف ب'));
  });

  it('leaves no dateline words in the claims', () => {
    const { claims } = extract('بيروت - أ ف ب - أبحرت العبّارة عند الظهر وعلى متنها 200 راكب.');
    expect(claims.map((c) => c.text)).toEqual(['أبحرت العبّارة عند الظهر وعلى متنها 200 راكب']);
  });

  it('does not list the wire agency of a dateline line as a relay', () => {
    // «بيروت - أ ف ب» on its own line says AFP published the article, as
    // "BAGHDAD (Reuters) -" does inline; a source speaking to AFP is then first-hand.
    const { claims } = extract(
      'عودة العبّارة بعد العاصفة\nبيروت - أ ف ب\nقال مسؤول في المرفأ لوكالة فرانس برس إن العبّارة ستبحر مساء الأحد.',
    );
    expect(claims.at(-1)?.text).toBe('العبّارة ستبحر مساء الأحد');
    expect(claims.at(-1)?.via).toEqual([]);
  });

  it('does not list the agency of an inline dateline as a relay', () => {
    const { claims } = extract(
      'BEIRUT (AFP) - A port official told AFP the ferry would sail on Sunday evening.',
    );
    expect(claims.map((c) => [c.text, c.via.length])).toEqual([
      ['the ferry would sail on Sunday evening', 0],
    ]);
  });
});

describe('segment(): sentence ends', () => {
  it.each<[string, Language, string[]]>([
    [
      'قال د. سامر خليل إن العبّارة أبحرت. ووصلت مساءً.',
      'ar',
      ['قال د. سامر خليل إن العبّارة أبحرت.', 'ووصلت مساءً.'],
    ],
    [
      'وقالت وكالة أ.ف.ب. إن العبّارة أبحرت. ووصلت مساءً.',
      'ar',
      ['وقالت وكالة أ.ف.ب. إن العبّارة أبحرت.', 'ووصلت مساءً.'],
    ],
    [
      'Dr. Amal Haddad said the ferry sailed. It docked at dusk.',
      'en',
      ['Dr. Amal Haddad said the ferry sailed.', 'It docked at dusk.'],
    ],
    [
      'U.S. officials said the U.S. embassy would reopen. It did.',
      'en',
      ['U.S. officials said the U.S. embassy would reopen.', 'It did.'],
    ],
    [
      'The ferry resumed on Jan. 5 after a month. It was full.',
      'en',
      ['The ferry resumed on Jan. 5 after a month.', 'It was full.'],
    ],
    [
      'Mr. Haddad met Gen. Karimi at 9 a.m. in St. Louis.',
      'en',
      ['Mr. Haddad met Gen. Karimi at 9 a.m. in St. Louis.'],
    ],
  ])('does not split after an abbreviation or initial: %s', (raw, language, expected) => {
    expect(segmented(raw, language).sentences).toEqual(expected.map(n));
  });

  it('does not split decimals', () => {
    expect(segmented('Fares rose 3.5 percent. Fuel fell 1.25 percent.', 'en').sentences).toEqual([
      'Fares rose 3.5 percent.',
      'Fuel fell 1.25 percent.',
    ]);
    expect(
      segmented('ارتفعت الأجور ٣٫٥ بالمئة و2.5 بالمئة. وانتهى العام.', 'ar').sentences,
    ).toEqual([n('ارتفعت الأجور ٣٫٥ بالمئة و2.5 بالمئة.'), n('وانتهى العام.')]);
  });

  it('splits at the Arabic question mark and at exclamation marks', () => {
    expect(segmented('هل ستبحر العبّارة؟ نعم! لقد أبحرت.', 'ar').sentences).toEqual(
      ['هل ستبحر العبّارة؟', 'نعم!', 'لقد أبحرت.'].map(n),
    );
    expect(segmented('Will it sail? Yes! It sailed.', 'en').sentences).toEqual([
      'Will it sail?',
      'Yes!',
      'It sailed.',
    ]);
  });

  it('keeps a closing quotation mark with its sentence', () => {
    expect(segmented('He said: "We will sail." Then he left.', 'en').sentences).toEqual([
      'He said: "We will sail."',
      'Then he left.',
    ]);
    expect(segmented('وقال: «سنبحر غداً». ثم غادر.', 'ar').sentences).toEqual(
      ['وقال: «سنبحر غداً».', 'ثم غادر.'].map(n),
    );
  });

  it('splits after "no." when a new sentence follows', () => {
    // "no" is on the list for "No. 10"; a refusal at the end of a sentence is not that
    expect(segmented('The minister said no. Talks ended there.', 'en').sentences).toEqual([
      'The minister said no.',
      'Talks ended there.',
    ]);
  });

  it('splits after "U.S." when a capitalised sentence follows', () => {
    // EN_SOFT_ABBREVIATIONS says a dotted acronym ends a sentence before a capital
    expect(
      segmented('The delegation flew to the U.S. Talks begin on Monday.', 'en').sentences,
    ).toEqual(['The delegation flew to the U.S.', 'Talks begin on Monday.']);
  });
});

describe('detectLanguage()', () => {
  it('detects Arabic and English text', () => {
    expect(detectLanguage(n('أبحرت العبّارة عند الظهر وعلى متنها مئتا راكب.'))).toBe('ar');
    expect(detectLanguage('The ferry sailed at noon with two hundred passengers.')).toBe('en');
  });

  it('keeps Arabic for an Arabic article full of Latin names and acronyms', () => {
    expect(
      detectLanguage(n('قال متحدث باسم شركة Harbour Lines إن خدمة WiFi ستتوفر على متن العبّارة.')),
    ).toBe('ar');
  });

  it('keeps English for an English article quoting a short Arabic phrase', () => {
    expect(
      detectLanguage(
        'The crowd chanted «يا بحر» as the ferry left the harbour, witnesses told reporters on Sunday.',
      ),
    ).toBe('en');
  });

  it('counts presentation forms as Arabic', () => {
    expect(detectLanguage('ﺍﻟﻌﺒﺎﺭﺓ ﺃﺑﺤﺮﺕ')).toBe('ar');
  });

  it('falls back to English when there are no letters', () => {
    expect(detectLanguage('')).toBe('en');
    expect(detectLanguage('12.5 — 40%')).toBe('en');
  });

  it('decides on the start of the text', () => {
    const arabic = n('أبحرت العبّارة عند الظهر. ').repeat(250);
    expect(arabic.length).toBeGreaterThan(5000);
    expect(detectLanguage(arabic + 'The ferry sailed. '.repeat(2000))).toBe('ar');
  });
});
