import { expectClaim, run, texts } from './support';

// "according to X" at the front or the end of a sentence attributes the rest of it to X.
describe('English "according to X"', () => {
  it('attributes the rest of the sentence after a fronted "According to X,"', () => {
    const r = run('According to the Iraqi Foreign Ministry, 40 people were wounded in the blast.');
    expectClaim(r, '40 people were wounded in the blast', {
      type: 'indirect',
      cue: /^according to$/i,
      sources: [{ name: 'Iraqi Foreign Ministry', kind: 'government', anonymous: false }],
      via: [],
    });
    expect(r.claims).toHaveLength(1);
  });

  it('attributes the clause before a sentence-final "according to X"', () => {
    const r = run(
      'Forty people were wounded in the blast, according to the Iraqi Foreign Ministry.',
    );
    expectClaim(r, 'Forty people were wounded in the blast', {
      type: 'indirect',
      cue: /^according to$/i,
      sources: [{ name: 'Iraqi Foreign Ministry', kind: 'government' }],
      via: [],
    });
    expect(r.claims).toHaveLength(1);
  });

  it('reads a named person with a title after "according to"', () => {
    const r = run(
      'The ferry was carrying twice its capacity, according to coast guard commander Ivo Marsh.',
    );
    expectClaim(r, 'The ferry was carrying twice its capacity', {
      type: 'indirect',
      cue: /^according to$/i,
      sources: [{ name: 'Ivo Marsh', kind: 'person', anonymous: false }],
    });
  });

  it('makes an agency the source, not a relay, when no one else is named', () => {
    const r = run('The ferry sank about 20 km off the coast, according to Reuters.');
    expectClaim(r, 'The ferry sank about 20 km off the coast', {
      cue: /^according to$/i,
      sources: [{ name: 'Reuters', kind: 'agency', anonymous: false }],
      via: [],
    });
  });

  it('reads "according to officials" as an anonymous group', () => {
    const r = run('According to officials, the ferry had no licence to carry passengers.');
    expectClaim(r, 'the ferry had no licence to carry passengers', {
      cue: /^according to$/i,
      sources: [{ kind: 'official_group', anonymous: true }],
    });
  });

  it('reads a fronted quote followed by "according to X"', () => {
    const r = run('“The boat was never inspected,” according to Ivo Marsh, a harbour official.');
    expectClaim(r, 'The boat was never inspected', {
      type: 'direct_quote',
      cue: /^according to$/i,
      sources: [{ name: 'Ivo Marsh' }],
    });
    expect(r.claims).toHaveLength(1);
  });

  it('reads "according to a report by X citing Y" as Y relayed by X', () => {
    const r = run(
      'According to a report by The Guardian citing two diplomats, the talks had collapsed on Sunday.',
    );
    expectClaim(r, 'the talks had collapsed on Sunday', {
      type: 'indirect',
      sources: [{ kind: 'person_group', anonymous: true }],
      via: ['The Guardian'],
    });
  });

  it('keeps "according to X" out of the claim text', () => {
    const r = run('Some 300 homes were flooded, according to the Red Crescent.');
    expect(texts(r)).toEqual(['Some 300 homes were flooded']);
  });

  it('accepts a speaker whose head noun is outside the lexicon ("the civil defence")', () => {
    const r = run('Some 300 homes were flooded, according to the civil defence.');
    expectClaim(r, 'Some 300 homes were flooded', {
      type: 'indirect',
      cue: /^according to$/i,
      sources: [{ name: /civil defence/i }],
    });
  });

  it('attributes each sentence only to its own "according to"', () => {
    const r = run(
      'Some 300 homes were flooded, according to the Red Crescent. The river burst its banks on Saturday.',
    );
    expectClaim(r, 'The river burst its banks on Saturday', {
      type: 'unattributed',
      sources: [],
    });
    expect(r.claims).toHaveLength(2);
  });
});
