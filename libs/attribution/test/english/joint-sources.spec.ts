import { article, expectClaim, run, sourceIds } from './support';

// Two sources when the article says they spoke jointly; one source for spelling variants
// of the same group ("U.S. officials", "US officials", "American officials").
describe('English joint sources and spelling variants', () => {
  it('gives "diplomats and US officials said" two sources', () => {
    const r = run('Diplomats and US officials said the ceasefire would be extended by a week.');
    expectClaim(r, 'the ceasefire would be extended by a week', {
      type: 'indirect',
      cue: 'said',
      sources: [
        { kind: 'person_group', anonymous: true },
        { name: 'US officials', kind: 'official_group', anonymous: true },
      ],
    });
    expect(r.sources).toHaveLength(2);
  });

  it('gives a sentence-final ", residents and medics said." two sources', () => {
    const r = run('At least nine people were killed in the shelling, residents and medics said.');
    const claim = expectClaim(r, 'At least nine people were killed in the shelling', {
      type: 'indirect',
      cue: 'said',
    });
    expect(claim.sources).toHaveLength(2);
  });

  it('gives two named people speaking jointly two sources', () => {
    const r = run(
      'Nadia Farrell and Omar Haddad said in a joint letter that the clinic would close in May.',
    );
    expectClaim(r, 'the clinic would close in May', {
      sources: [{ name: 'Nadia Farrell' }, { name: 'Omar Haddad' }],
    });
  });

  it('gives "the United Nations and the Red Crescent said" two sources', () => {
    const r = run(
      'The United Nations and the Red Crescent said aid trucks had reached the town on Sunday.',
    );
    expectClaim(r, 'aid trucks had reached the town on Sunday', {
      sources: [
        { name: 'United Nations', kind: 'organization' },
        { name: 'Red Crescent', kind: 'organization' },
      ],
    });
  });

  it('keeps "the Ministry of Labour and Social Affairs" one source', () => {
    const r = run(
      'The Ministry of Labour and Social Affairs said 3,000 permits had been issued this year.',
    );
    const claim = expectClaim(r, '3,000 permits had been issued this year', { cue: 'said' });
    expect(claim.sources).toHaveLength(1);
  });

  it('merges "U.S. officials", "US officials" and "American officials" into one source', () => {
    const r = run(
      article(
        'Navy ships head for the Gulf',
        'U.S. officials said two destroyers had left port on Monday.',
        'US officials said the ships would reach the Gulf within a week.',
        'American officials added that a third ship was on standby.',
      ),
    );
    const ids = sourceIds(
      r,
      'two destroyers had left port on Monday',
      'the ships would reach the Gulf within a week',
      'a third ship was on standby',
    );
    expect(ids[0]).toHaveLength(1);
    expect(ids[1]).toEqual(ids[0]);
    expect(ids[2]).toEqual(ids[0]);
    expect(r.sources).toHaveLength(1);
    expect(r.sources[0]).toMatchObject({
      name: 'US officials',
      kind: 'official_group',
      anonymous: true,
    });
  });

  it('keeps the spelling as written in each mention while sharing the id', () => {
    const r = run(
      article(
        'US officials said the ships would reach the Gulf within a week.',
        'American officials added that a third ship was on standby.',
      ),
    );
    const mentions = r.sources.flatMap((s) => s.mentions.map((m) => m.text));
    expect(mentions).toEqual(expect.arrayContaining(['US officials', 'American officials']));
    expect(r.sources).toHaveLength(1);
  });

  it('merges "the United States" and "the U.S." into one government source', () => {
    const r = run(
      article(
        'The United States said it would send more air defence systems.',
        'The U.S. also said it was reviewing its troop numbers in the region.',
      ),
    );
    const [a, b] = sourceIds(
      r,
      'it would send more air defence systems',
      'it was reviewing its troop numbers in the region',
    );
    expect(a).toHaveLength(1);
    expect(b).toEqual(a);
    expect(r.sources[0]).toMatchObject({ name: 'United States', kind: 'government' });
  });

  it('keeps US officials and Iraqi officials apart', () => {
    const r = run(
      article(
        'US officials said the base was hit by two drones.',
        'Iraqi officials said only one drone reached the base.',
      ),
    );
    const [a, b] = sourceIds(
      r,
      'the base was hit by two drones',
      'only one drone reached the base',
    );
    expect(b).not.toEqual(a);
    expect(r.sources.map((s) => s.name).sort()).toEqual(['Iraqi officials', 'US officials']);
  });
});
