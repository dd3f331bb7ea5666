import { article, expectClaim, run, sourceById, sourceIds } from './support';

// Pronouns and definite descriptions refer back to an earlier source and share its id;
// a full name with a title and a later surname are one source named by the full name.
describe('English coreference of sources', () => {
  it('links "He said" to the man named in the previous sentence', () => {
    const r = run(
      'Omar Haddad, the town engineer, said the dam had held. He said repairs would cost $2 million.',
    );
    const [a, b] = sourceIds(r, 'the dam had held', 'repairs would cost $2 million');
    expect(a).toHaveLength(1);
    expect(b).toEqual(a);
    expectClaim(r, 'repairs would cost $2 million', {
      cue: 'said',
      sources: [{ name: 'Omar Haddad' }],
    });
  });

  it('links "She said" to a woman past an intervening man', () => {
    const r = run(
      article(
        'Clinic spokeswoman Nadia Farrell said insulin had run out.',
        'Omar Haddad, the town engineer, said the road to the clinic was cut.',
        'She said three patients had been sent to the city.',
      ),
    );
    expectClaim(r, 'three patients had been sent to the city', {
      sources: [{ name: 'Nadia Farrell' }],
    });
  });

  it('merges a titled full name and the later surname into one source', () => {
    const r = run(
      article(
        'Interior Ministry spokeswoman Dana Whitlock said the checkpoint was attacked at dawn.',
        'Whitlock said two guards were wounded.',
      ),
    );
    const [a, b] = sourceIds(r, 'the checkpoint was attacked at dawn', 'two guards were wounded');
    expect(b).toEqual(a);
    const source = sourceById(r, a![0]!);
    expect(source).toMatchObject({ name: 'Dana Whitlock', kind: 'person', anonymous: false });
    expect(source.mentions.map((m) => m.text)).toEqual(expect.arrayContaining(['Whitlock']));
    expect(r.sources).toHaveLength(1);
  });

  it('merges "Ms. Whitlock" with "Dana Whitlock"', () => {
    const r = run(
      article(
        'Interior Ministry spokeswoman Dana Whitlock said the checkpoint was attacked at dawn.',
        'Ms. Whitlock said two guards were wounded.',
      ),
    );
    const [a, b] = sourceIds(r, 'the checkpoint was attacked at dawn', 'two guards were wounded');
    expect(b).toEqual(a);
    expect(r.sources.map((s) => s.name)).toEqual(['Dana Whitlock']);
  });

  it('merges a surname in a fronted quote: “...,” Whitlock said.', () => {
    const r = run(
      article(
        'Interior Ministry spokeswoman Dana Whitlock said the checkpoint was attacked at dawn.',
        '“The attackers fled towards the river,” Whitlock said.',
      ),
    );
    expectClaim(r, 'The attackers fled towards the river', {
      type: 'direct_quote',
      sources: [{ name: 'Dana Whitlock' }],
    });
    expect(r.sources).toHaveLength(1);
  });

  it('links "the official" to "a senior US official"', () => {
    const r = run(
      article(
        'A senior US official said the carrier would stay in the region.',
        'The official said the decision was taken on Friday.',
      ),
    );
    const [a, b] = sourceIds(
      r,
      'the carrier would stay in the region',
      'the decision was taken on Friday',
    );
    expect(b).toEqual(a);
    expect(sourceById(r, a![0]!).anonymous).toBe(true);
  });

  it('links "the official" back across another source in between', () => {
    const r = run(
      article(
        'A senior official said the crossing would reopen on Monday.',
        'Nadia Farrell, who runs the clinic, said supplies were running low.',
        'The official added that trucks were already waiting at the gate.',
      ),
    );
    const [a, b] = sourceIds(
      r,
      'the crossing would reopen on Monday',
      'trucks were already waiting at the gate',
    );
    expect(b).toEqual(a);
    expectClaim(r, 'trucks were already waiting at the gate', { cue: 'added' });
  });

  it('links "the spokesman" to a titled spokesman named earlier', () => {
    const r = run(
      article(
        'Army spokesman Karim Nassar said four soldiers were wounded.',
        'The spokesman said the attackers had used a truck bomb.',
      ),
    );
    expectClaim(r, 'the attackers had used a truck bomb', {
      sources: [{ name: 'Karim Nassar', kind: 'person' }],
    });
  });

  it('links "the ministry" to the named ministry', () => {
    const r = run(
      article(
        'The Iraqi Foreign Ministry said it had summoned the Turkish envoy.',
        'The ministry said the envoy was handed a protest note.',
      ),
    );
    const [a, b] = sourceIds(
      r,
      'it had summoned the Turkish envoy',
      'the envoy was handed a protest note',
    );
    expect(b).toEqual(a);
    expect(sourceById(r, a![0]!).name).toBe('Iraqi Foreign Ministry');
  });

  it('links "the ministry" past a person quoted in between', () => {
    const r = run(
      article(
        'The Iraqi Foreign Ministry said it had summoned the Turkish envoy.',
        'Omar Haddad, a lawmaker, said parliament would debate the incident.',
        'The ministry added that it expected a written apology.',
      ),
    );
    expectClaim(r, 'it expected a written apology', {
      cue: 'added',
      sources: [{ name: 'Iraqi Foreign Ministry' }],
    });
  });

  it('links "they" to a plural source', () => {
    const r = run(
      'Witnesses said the blast shook the whole street. They said at least two cars were burning.',
    );
    const [a, b] = sourceIds(
      r,
      'the blast shook the whole street',
      'at least two cars were burning',
    );
    expect(a).toHaveLength(1);
    expect(b).toEqual(a);
  });

  it('keeps two different named people apart', () => {
    const r = run(
      article(
        'Nadia Farrell said insulin had run out.',
        'Omar Haddad said the road to the clinic was cut.',
      ),
    );
    const [a, b] = sourceIds(r, 'insulin had run out', 'the road to the clinic was cut');
    expect(b).not.toEqual(a);
    expect(r.sources).toHaveLength(2);
  });

  it('does not merge two people who share only a surname with a different first name', () => {
    const r = run(
      article(
        'Dana Whitlock said the checkpoint was attacked at dawn.',
        'Paul Whitlock said the road had been closed.',
      ),
    );
    const [a, b] = sourceIds(r, 'the checkpoint was attacked at dawn', 'the road had been closed');
    expect(b).not.toEqual(a);
  });

  it('lists every mention of a source once, in the text', () => {
    const text = article(
      'Interior Ministry spokeswoman Dana Whitlock said the checkpoint was attacked at dawn.',
      'Whitlock said two guards were wounded. She said the attackers fled.',
    );
    const r = run(text);
    const source = r.sources.find((s) => s.name === 'Dana Whitlock');
    expect(source).toBeDefined();
    for (const m of source!.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(source!.mentions.map((m) => m.text)).toContain('Whitlock');
  });
});
