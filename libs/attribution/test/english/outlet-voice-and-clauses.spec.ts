import { article, expectClaim, expectOwnVoice, run, texts } from './support';

// The outlet's own voice: one unattributed claim per sentence; long sentences split at
// "while", "whereas" and ";"; attributed parts split off their sentence.
describe('English outlet voice and clause splitting', () => {
  it('makes one unattributed claim per sentence', () => {
    const r = run(
      'The storm reached the coast on Saturday night. Winds toppled power lines in three towns. Schools will stay closed on Monday.',
    );
    expect(texts(r)).toEqual([
      'The storm reached the coast on Saturday night',
      'Winds toppled power lines in three towns',
      'Schools will stay closed on Monday',
    ]);
    for (const c of r.claims) {
      expect(c).toMatchObject({ type: 'unattributed', cue: null, sources: [], via: [] });
    }
    expect(r.sources).toEqual([]);
  });

  it('makes one claim per sentence across paragraphs', () => {
    const r = run(
      article(
        'The storm reached the coast on Saturday night.',
        'Winds toppled power lines in three towns.',
      ),
    );
    expect(r.claims.map((c) => c.sentence)).toEqual([0, 1]);
    expect(r.claims).toHaveLength(2);
  });

  it('splits a sentence at "while" into two outlet claims', () => {
    const r = run(
      'The northern districts were flooded on Sunday, while the southern suburbs lost power for six hours.',
    );
    expectOwnVoice(r, 'The northern districts were flooded on Sunday');
    expectOwnVoice(r, 'the southern suburbs lost power for six hours');
    expect(r.claims).toHaveLength(2);
  });

  it('splits a sentence at "whereas"', () => {
    const r = run(
      'Exports rose 8 percent in the first quarter, whereas imports fell for the third month in a row.',
    );
    expectOwnVoice(r, 'Exports rose 8 percent in the first quarter');
    expectOwnVoice(r, 'imports fell for the third month in a row');
  });

  it('splits a sentence at a semicolon', () => {
    const r = run(
      'The ferry left the port at 6 a.m. on Friday; it was carrying 140 passengers and 30 cars.',
    );
    expectOwnVoice(r, 'The ferry left the port at 6 a.m. on Friday');
    expectOwnVoice(r, 'it was carrying 140 passengers and 30 cars');
    expect(r.claims).toHaveLength(2);
  });

  it('splits an attributed clause off the outlet’s clause at "while"', () => {
    const r = run(
      'Rescuers pulled four survivors from the rubble on Sunday, while the health ministry said 23 people had died.',
    );
    expectOwnVoice(r, 'Rescuers pulled four survivors from the rubble on Sunday');
    expectClaim(r, '23 people had died', {
      type: 'indirect',
      cue: 'said',
      sources: [{ name: /ministry/i, kind: 'government' }],
    });
    expect(r.claims).toHaveLength(2);
  });

  it('gives each side of "whereas" its own speaker', () => {
    const r = run(
      'The army said 12 fighters were killed, whereas the group said it lost only two men.',
    );
    expectClaim(r, '12 fighters were killed', { sources: [{ name: /army/i }] });
    expectClaim(r, 'it lost only two men', { sources: [{ name: /group/i }] });
    expect(r.claims).toHaveLength(2);
  });

  it('does not split at "while" meaning "during"', () => {
    const r = run('Two workers were injured while repairing the roof of the school.');
    expectOwnVoice(r, 'Two workers were injured while repairing the roof of the school');
    expect(r.claims).toHaveLength(1);
  });

  it('splits the outlet’s continuation off a sentence that ends in a quote', () => {
    const r = run(
      'Omar Haddad said the dam was “holding for now”, as engineers worked through the night to shore it up.',
    );
    expectOwnVoice(r, 'engineers worked through the night to shore it up');
  });

  it('keeps a question out of the claims', () => {
    const r = run('Who will pay for the repairs? The council has not said.');
    expect(texts(r)).not.toContain('Who will pay for the repairs?');
    expect(texts(r)).not.toContain('Who will pay for the repairs');
  });

  it('keeps an unattributed sentence after an attributed one in the outlet’s voice', () => {
    const r = run(
      'Omar Haddad said the dam had held. The dam was built in 1974 and holds 2 billion cubic metres.',
    );
    expectOwnVoice(r, 'The dam was built in 1974 and holds 2 billion cubic metres');
  });
});
