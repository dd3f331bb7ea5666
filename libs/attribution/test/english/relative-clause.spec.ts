import { expectClaim, expectOwnVoice, run } from './support';

// "a building that Israel said housed weapons": the speaker's claim is the rest of the
// relative clause; the main clause stays in the outlet's voice, without "that".
describe('English attribution inside a relative clause', () => {
  const sentence = 'Jets struck a building that Israel said housed weapons.';

  it('attributes the rest of the relative clause to its speaker', () => {
    const r = run(sentence);
    expectClaim(r, 'housed weapons', {
      type: 'indirect',
      cue: 'said',
      sources: [{ name: 'Israel', kind: 'government', anonymous: false }],
    });
  });

  it('keeps the main clause in the outlet’s voice without the relative pronoun', () => {
    const r = run(sentence);
    expectOwnVoice(r, 'Jets struck a building');
    expect(r.claims).toHaveLength(2);
  });

  it('handles "which X said" with a plural subject', () => {
    const r = run(
      'Police raided a warehouse in the port, which officials said was used to store stolen fuel.',
    );
    expectClaim(r, 'was used to store stolen fuel', {
      cue: 'said',
      sources: [{ kind: 'official_group', anonymous: true }],
    });
  });

  it('handles "who X said" about people', () => {
    const r = run('The army detained three men who the ministry said were planning an attack.');
    expectClaim(r, 'were planning an attack', {
      cue: 'said',
      sources: [{ name: /ministry/i, kind: 'government' }],
    });
    expectOwnVoice(r, 'The army detained three men');
  });

  it('handles a figure "that officials said was likely to rise"', () => {
    const r = run('The flood killed 31 people, a toll that officials said was likely to rise.');
    expectClaim(r, 'was likely to rise', {
      sources: [{ kind: 'official_group' }],
    });
  });

  it('does not read a relative clause with no cue as attribution', () => {
    const r = run('Jets struck a building that housed a bakery and two shops.');
    expectOwnVoice(r, 'Jets struck a building that housed a bakery and two shops');
    expect(r.claims).toHaveLength(1);
  });
});
