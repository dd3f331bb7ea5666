import { article, expectClaim, run, sourceById, sourceIds } from './support';

// `anonymous` is true when the identity is withheld: unnamed officials and sources, "on
// condition of anonymity", "asked not to be named"; false for named people and bodies.
describe('English anonymity', () => {
  it('marks "X, who spoke on condition of anonymity, said" as anonymous', () => {
    const r = run(
      'A police officer, who spoke on condition of anonymity, said that the two suspects were brothers.',
    );
    expectClaim(r, 'the two suspects were brothers', {
      type: 'indirect',
      cue: 'said',
      sources: [{ kind: 'person', anonymous: true }],
    });
    expect(r.claims).toHaveLength(1);
  });

  it('keeps the anonymity clause out of the claim and the source name', () => {
    const r = run(
      'A police officer, who spoke on condition of anonymity, said that the two suspects were brothers.',
    );
    const source = r.sources[0]!;
    expect(source.name).not.toMatch(/anonymity|who spoke/);
    expect(r.claims[0]!.text).not.toMatch(/anonymity/);
  });

  it('marks "who asked not to be named" as anonymous', () => {
    const r = run(
      'A diplomat, who asked not to be named, said the ceasefire text was almost agreed.',
    );
    expectClaim(r, 'the ceasefire text was almost agreed', {
      cue: 'said',
      sources: [{ name: /diplomat/, anonymous: true }],
    });
  });

  it('marks an anonymous speaker after a fronted quote', () => {
    const r = run('“The text is almost agreed,” said a diplomat who asked not to be named.');
    expectClaim(r, 'The text is almost agreed', {
      type: 'direct_quote',
      sources: [{ name: /diplomat/, anonymous: true }],
    });
  });

  it('reads bare "officials said" as an anonymous official group', () => {
    const r = run('Officials said the border crossing would reopen on Wednesday.');
    expectClaim(r, 'the border crossing would reopen on Wednesday', {
      type: 'indirect',
      cue: 'said',
      sources: [{ name: 'officials', kind: 'official_group', anonymous: true }],
    });
  });

  it('reads "a senior official said" as one anonymous person', () => {
    const r = run('A senior official said the border crossing would reopen on Wednesday.');
    expectClaim(r, 'the border crossing would reopen on Wednesday', {
      cue: 'said',
      sources: [{ name: 'senior official', kind: 'person', anonymous: true }],
    });
  });

  it('reads "sources familiar with the matter said" as anonymous', () => {
    const r = run(
      'The two companies are close to a merger, sources familiar with the matter said.',
    );
    expectClaim(r, 'The two companies are close to a merger', {
      type: 'indirect',
      cue: 'said',
      sources: [{ kind: 'person_group', anonymous: true }],
    });
    // the qualifier is not part of the content
    expect(r.claims).toHaveLength(1);
  });

  it('reads "people briefed on the talks said" as anonymous', () => {
    const r = run('Two people briefed on the talks said the deal could be signed next month.');
    expectClaim(r, 'the deal could be signed next month', {
      cue: 'said',
      sources: [{ anonymous: true }],
    });
  });

  it('reads "a source close to the negotiations" as anonymous', () => {
    const r = run(
      'A source close to the negotiations said a draft had been sent to both capitals.',
    );
    expectClaim(r, 'a draft had been sent to both capitals', {
      cue: 'said',
      sources: [{ anonymous: true }],
    });
  });

  it('marks "not authorised to speak to the media" as anonymous', () => {
    const r = run(
      'A security officer, who was not authorised to speak to the media, said four rockets had been fired.',
    );
    expectClaim(r, 'four rockets had been fired', { sources: [{ anonymous: true }] });
  });

  it('keeps a named speaker not anonymous', () => {
    const r = run('Defence spokesman Karim Nassar said four rockets had been fired.');
    expectClaim(r, 'four rockets had been fired', {
      sources: [{ name: 'Karim Nassar', kind: 'person', anonymous: false }],
    });
  });

  it('keeps a named ministry not anonymous', () => {
    const r = run('The Iraqi Foreign Ministry said it had summoned the envoy.');
    expectClaim(r, 'it had summoned the envoy', {
      sources: [{ name: 'Iraqi Foreign Ministry', kind: 'government', anonymous: false }],
    });
  });

  it('keeps two anonymous officials of different rank apart', () => {
    const r = run(
      article(
        'A senior official said the envoy would arrive on Monday.',
        'A junior official said the visit had been postponed.',
      ),
    );
    const [a, b] = sourceIds(r, 'the envoy would arrive on Monday', 'the visit had been postponed');
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(b).not.toEqual(a);
    expect(sourceById(r, b![0]!).anonymous).toBe(true);
  });
});
