import { expectClaim, expectOwnVoice, run } from './support';

// A capital or country that speaks stands for its government; a place that is only the
// subject of an event, or a place name inside the content, is not a source.
describe('English metonymy', () => {
  it('reads "Washington said" as the US government speaking', () => {
    const r = run('Washington said the sanctions would take effect on March 1.');
    expectClaim(r, 'the sanctions would take effect on March 1', {
      type: 'indirect',
      cue: 'said',
      sources: [{ name: 'Washington', kind: 'government', anonymous: false }],
    });
  });

  it('reads "Tehran has denied" as the Iranian government', () => {
    const r = run('Tehran has denied that it supplied the drones.');
    expectClaim(r, 'it supplied the drones', {
      cue: /denied$/,
      sources: [{ name: 'Tehran', kind: 'government' }],
    });
  });

  it('reads "Moscow warned that" as the Russian government', () => {
    const r = run('Moscow warned that any new sanctions would be met with a response.');
    expectClaim(r, 'any new sanctions would be met with a response', {
      cue: 'warned',
      sources: [{ name: 'Moscow', kind: 'government' }],
    });
  });

  it('reads a country that speaks as its government', () => {
    const r = run('Iraq said on Sunday that it had closed two border crossings.');
    expectClaim(r, 'it had closed two border crossings', {
      sources: [{ name: 'Iraq', kind: 'government', anonymous: false }],
    });
  });

  it('does not make "Baghdad and Washington have been negotiating" a source', () => {
    const r = run(
      'Baghdad and Washington have been negotiating since last year over the future of the coalition.',
    );
    expectOwnVoice(
      r,
      'Baghdad and Washington have been negotiating since last year over the future of the coalition',
    );
    expect(r.sources).toEqual([]);
  });

  it('does not make a place of an event a source', () => {
    const r = run('Delegates from both sides met in Washington on Thursday.');
    expectOwnVoice(r, 'Delegates from both sides met in Washington on Thursday');
    expect(r.sources).toEqual([]);
  });

  it('does not make a capital inside the content a source', () => {
    const r = run('A Western diplomat said Washington had asked for clarifications.');
    expectClaim(r, 'Washington had asked for clarifications', {
      sources: [{ name: /diplomat/ }],
    });
    expect(r.sources.map((s) => s.name)).not.toContain('Washington');
  });

  it('reads "The Washington Post said" as the newspaper, not the government', () => {
    const r = run('The Washington Post said the plan had been drafted in January.');
    expectClaim(r, 'the plan had been drafted in January', {
      sources: [{ name: 'The Washington Post', kind: 'outlet' }],
    });
  });

  it('gives "Beijing and Moscow said in a joint statement" two government sources', () => {
    const r = run(
      'Beijing and Moscow said in a joint statement that they opposed the new tariffs.',
    );
    expectClaim(r, 'they opposed the new tariffs', {
      sources: [
        { name: 'Beijing', kind: 'government' },
        { name: 'Moscow', kind: 'government' },
      ],
    });
  });
});
