import { article, expectClaim, expectOwnVoice, run, texts } from './support';

// Segmentation: the headline is kept, bylines and datelines are not claims, and
// abbreviations do not end a sentence.
describe('English segmentation, headlines, bylines and datelines', () => {
  it('keeps the headline as an unattributed claim', () => {
    const r = run(
      article('Floods cut off three villages in the north', 'Rain fell for four days in a row.'),
    );
    expectOwnVoice(r, 'Floods cut off three villages in the north');
    expect(r.claims[0]!.text).toBe('Floods cut off three villages in the north');
  });

  it('attributes a headline "X: ..." to X with the cue ":"', () => {
    const r = run(
      article('Red Crescent: two convoys reached the town', 'Rain fell for four days in a row.'),
    );
    expectClaim(r, 'two convoys reached the town', {
      cue: ':',
      sources: [{ name: 'Red Crescent' }],
    });
  });

  it('drops a byline "By Jane Doe"', () => {
    const r = run(
      article('Floods cut off three villages', 'By Jane Doe', 'Rain fell for four days in a row.'),
    );
    expect(texts(r)).toEqual(['Floods cut off three villages', 'Rain fell for four days in a row']);
    expect(r.sources).toEqual([]);
  });

  it('drops a "BEIRUT, Oct 3 (AFP) –" dateline prefix from the first claim', () => {
    const r = run('BEIRUT, Oct 3 (AFP) – Shelling resumed along the border on Thursday.');
    expectOwnVoice(r, 'Shelling resumed along the border on Thursday');
    expect(r.claims).toHaveLength(1);
    expect(r.sources).toEqual([]);
  });

  it('drops a "BAGHDAD (Reuters) -" dateline prefix from the first claim', () => {
    const r = run('BAGHDAD (Reuters) - Two rockets hit the airport perimeter overnight.');
    expect(texts(r)).toEqual(['Two rockets hit the airport perimeter overnight']);
  });

  it('drops a dateline prefix in front of an attributed lead', () => {
    const r = run(
      'BEIRUT, Oct 3 (AFP) – Shelling resumed along the border on Thursday, the army said.',
    );
    expectClaim(r, 'Shelling resumed along the border on Thursday', {
      cue: 'said',
      sources: [{ name: /army/i }],
      via: [],
    });
  });

  it('drops "Reporting by" and photo credit lines', () => {
    const r = run(
      article(
        'Rain fell for four days in a row.',
        'Photo: Lina Okafor',
        'Reporting by Jane Doe; Editing by John Roe',
      ),
    );
    expect(texts(r)).toEqual(['Rain fell for four days in a row']);
  });

  it.each([
    ['U.S.', 'The U.S. Navy moved two ships into the Gulf on Friday.'],
    ['Dr.', 'Dr. Sami Karam treated 30 patients at the field hospital.'],
    ['Mr.', 'Mr. Haddad arrived at the port on Monday with two aides.'],
    ['Jan.', 'The law took effect on Jan. 5 after a long delay.'],
    ['No. 2', 'He is the No. 2 official in the ministry of energy.'],
    ['a.m.', 'The blast happened at 7 a.m. on Sunday near the market.'],
    ['Gen.', 'Gen. Amir Saleh led the operation in the eastern hills.'],
    ['initials', 'The report was written by J. R. Malone and two colleagues.'],
  ])('does not end a sentence after "%s"', (_abbr, sentence) => {
    const r = run(sentence);
    expect(texts(r)).toEqual([sentence.slice(0, -1)]);
  });

  it('ends a sentence after "a.m." when a new sentence starts with a capital', () => {
    const r = run('The blast happened at 7 a.m. Police closed the road an hour later.');
    expect(r.claims).toHaveLength(2);
    expect(texts(r)).toContain('Police closed the road an hour later');
  });

  it('ends a sentence after "U.S." at the end of a sentence', () => {
    const r = run('The ship was bound for the U.S. It never left the harbour.');
    expect(r.claims).toHaveLength(2);
    expect(texts(r)).toContain('It never left the harbour');
  });

  it('does not split an attributed sentence at "Gen." in the speaker', () => {
    const r = run('Gen. Amir Saleh said the hills had been cleared of mines.');
    expectClaim(r, 'the hills had been cleared of mines', {
      cue: 'said',
      sources: [{ name: 'Amir Saleh' }],
    });
    expect(r.claims).toHaveLength(1);
  });

  it('gives every claim offsets that slice back to its text', () => {
    const text = article(
      'Floods cut off three villages',
      'By Jane Doe',
      'BEIRUT, Oct 3 (AFP) – Rain fell for four days, the U.S. embassy said.',
      '“We have sent two helicopters,” said Dr. Sami Karam. Roads stayed shut; schools closed.',
    );
    const r = run(text);
    expect(r.claims.length).toBeGreaterThanOrEqual(4);
    for (const c of r.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('numbers sentences from 0 in reading order', () => {
    const r = run(
      article('Floods cut off three villages', 'Rain fell for four days. Roads stayed shut.'),
    );
    expect(r.claims.map((c) => c.sentence)).toEqual([0, 1, 2]);
  });

  it('returns no claims for empty text', () => {
    expect(run('').claims).toEqual([]);
    expect(run('   \n  ').claims).toEqual([]);
  });
});
