import { expectClaim, expectOwnVoice, run } from './support';

// Speech with no speaker ("it was reported", "reports said") is an attributed claim with
// no source; impersonal judgements ("is expected to", "is considered") stay in the
// outlet's own voice.
describe('English agentless attribution and impersonal judgements', () => {
  it('reads "It was reported that ..." as indirect with a cue and no source', () => {
    const r = run('It was reported that drones were flying low over the valley.');
    expectClaim(r, 'drones were flying low over the valley', {
      type: 'indirect',
      cue: /reported/,
      sources: [],
      via: [],
    });
    expect(r.sources).toEqual([]);
    expect(r.claims).toHaveLength(1);
  });

  it('reads a sentence-final ", it was reported." as agentless', () => {
    const r = run('Drones were flying low over the valley, it was reported.');
    expectClaim(r, 'Drones were flying low over the valley', {
      type: 'indirect',
      cue: /reported/,
      sources: [],
    });
  });

  it('reads "Reports said ..." as agentless', () => {
    const r = run('Reports said the minister had offered to resign.');
    expectClaim(r, 'the minister had offered to resign', {
      type: 'indirect',
      cue: 'said',
      sources: [],
      via: [],
    });
    expect(r.sources).toEqual([]);
  });

  it('reads "It has been reported that ..." as agentless', () => {
    const r = run('It has been reported that the talks will move to Cairo next week.');
    expectClaim(r, 'the talks will move to Cairo next week', {
      type: 'indirect',
      sources: [],
    });
  });

  it('keeps "is expected to" in the outlet’s voice', () => {
    const r = run('The new bridge is expected to open in September.');
    expectOwnVoice(r, 'The new bridge is expected to open in September');
  });

  it('keeps "It is expected that ..." in the outlet’s voice', () => {
    const r = run('It is expected that the court will rule before the holiday.');
    expectOwnVoice(r, 'It is expected that the court will rule before the holiday');
  });

  it('keeps "is considered" in the outlet’s voice', () => {
    const r = run('The dam is considered the largest in the region.');
    expectOwnVoice(r, 'The dam is considered the largest in the region');
  });

  it('keeps "is likely to" in the outlet’s voice', () => {
    const r = run('The death toll is likely to rise as rescuers reach remote villages.');
    expectOwnVoice(r, 'The death toll is likely to rise as rescuers reach remote villages');
  });

  it('does not read "it said" after a named body as agentless', () => {
    const r = run(
      'The Red Crescent sent 20 ambulances to the border. It said more teams were on the way.',
    );
    expectClaim(r, 'more teams were on the way', {
      sources: [{ name: 'Red Crescent' }],
    });
  });

  it('reads "local media reported" as the media speaking, not agentless', () => {
    const r = run('Local media reported that the mayor had been arrested.');
    const claim = expectClaim(r, 'the mayor had been arrested', {
      type: 'indirect',
      cue: 'reported',
    });
    expect(claim.sources).toHaveLength(1);
  });
});
