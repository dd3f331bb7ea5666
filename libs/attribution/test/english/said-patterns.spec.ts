import { article, expectClaim, run, texts } from './support';

// Subject-first and verb-first reporting frames: the content is what follows (or precedes)
// the cue, without the cue, the speaker, "that" or the final full stop.
describe('English "X said" frames', () => {
  it('takes the content after "X said that"', () => {
    const r = run('Harbour master Lina Okafor said that the port would reopen on Friday.');
    expectClaim(r, 'the port would reopen on Friday', {
      type: 'indirect',
      cue: 'said',
      sources: [{ name: 'Lina Okafor', kind: 'person', anonymous: false }],
      via: [],
    });
    expect(r.claims).toHaveLength(1);
  });

  it('takes the content after "X said" with no complementiser', () => {
    const r = run('Lina Okafor said the port would reopen on Friday.');
    expectClaim(r, 'the port would reopen on Friday', {
      type: 'indirect',
      cue: 'said',
      sources: [{ name: 'Lina Okafor', anonymous: false }],
    });
    expect(r.claims).toHaveLength(1);
  });

  it('skips a time adjunct between the cue and "that"', () => {
    const r = run('Lina Okafor said on Tuesday that two cranes had been damaged by the storm.');
    expectClaim(r, 'two cranes had been damaged by the storm', {
      type: 'indirect',
      cue: /^said/,
      sources: [{ name: 'Lina Okafor' }],
    });
    expect(r.claims).toHaveLength(1);
  });

  it('skips "in a statement on Monday" between the cue and "that"', () => {
    const r = run(
      'The Interior Ministry said in a statement on Monday that 17 suspects had been detained.',
    );
    expectClaim(r, '17 suspects had been detained', {
      type: 'indirect',
      cue: /^said/,
      sources: [{ name: /ministry/i, kind: 'government', anonymous: false }],
    });
    expect(r.claims).toHaveLength(1);
  });

  it('skips an auxiliary: "X has said that"', () => {
    const r = run('Lina Okafor has said that dredging would start before the winter.');
    expectClaim(r, 'dredging would start before the winter', {
      type: 'indirect',
      cue: /said$/,
      sources: [{ name: 'Lina Okafor' }],
    });
    expect(r.claims).toHaveLength(1);
  });

  it('reads past an appositive: "X, the head of Y, said"', () => {
    const r = run(
      'Mara Ellison, the head of the regional relief office, said that food stocks would last two weeks.',
    );
    expectClaim(r, 'food stocks would last two weeks', {
      type: 'indirect',
      cue: 'said',
      sources: [{ name: 'Mara Ellison', kind: 'person', anonymous: false }],
    });
    expect(r.claims).toHaveLength(1);
  });

  it('accepts a speaker whose head noun is outside the lexicon ("a dock worker")', () => {
    const r = run('“We lost two days of work,” a dock worker said.');
    expectClaim(r, 'We lost two days of work', {
      type: 'direct_quote',
      cue: 'said',
      sources: [{ name: /dock worker/ }],
    });
  });

  it('handles the present tense "says"', () => {
    const r = run('Lina Okafor says the new quay can take ships of 300 metres.');
    expectClaim(r, 'the new quay can take ships of 300 metres', {
      type: 'indirect',
      cue: 'says',
      sources: [{ name: 'Lina Okafor' }],
    });
  });

  it('takes the content before a sentence-final "X said"', () => {
    const r = run('The fire was started deliberately, Tomas Reyes said.');
    expectClaim(r, 'The fire was started deliberately', {
      type: 'indirect',
      cue: 'said',
      sources: [{ name: 'Tomas Reyes', anonymous: false }],
      via: [],
    });
    expect(r.claims).toHaveLength(1);
  });

  it('takes the content before an inverted "said X"', () => {
    const r = run('The fire was started deliberately, said fire chief Tomas Reyes.');
    expectClaim(r, 'The fire was started deliberately', {
      type: 'indirect',
      cue: 'said',
      sources: [{ name: 'Tomas Reyes', kind: 'person', anonymous: false }],
    });
    expect(r.claims).toHaveLength(1);
  });

  it('reads a quotation after "X said:" as a direct quote', () => {
    const r = run(
      article(
        'Crossing to stay shut',
        'The minister said: “We will not reopen the crossing this week.”',
      ),
    );
    expectClaim(r, 'We will not reopen the crossing this week', {
      type: 'direct_quote',
      cue: 'said',
      sources: [{ name: /minister/i }],
    });
    expect(texts(r)).toEqual([
      'Crossing to stay shut',
      'We will not reopen the crossing this week',
    ]);
  });

  it('reads a one-line article that ends with a closing quotation mark as a sentence, not a headline', () => {
    // a headline has no final full stop; `.”` is one
    const r = run('The minister said: “We will not reopen the crossing this week.”');
    expectClaim(r, 'We will not reopen the crossing this week', {
      type: 'direct_quote',
      cue: 'said',
    });
  });

  it('marks partly quoted content as mixed', () => {
    const r = run('Lina Okafor said the old harbour wall was “beyond repair”.');
    expectClaim(r, 'the old harbour wall was “beyond repair”', {
      type: 'mixed',
      cue: 'said',
      sources: [{ name: 'Lina Okafor' }],
    });
  });

  it('keeps scare-quote-free reported speech indirect', () => {
    const r = run('Lina Okafor said the harbour had handled 1.2 million tonnes last year.');
    expectClaim(r, 'the harbour had handled 1.2 million tonnes last year', { type: 'indirect' });
  });

  it('makes two claims of two "that" clauses under one cue', () => {
    const r = run(
      'Tomas Reyes said that the warehouse roof had collapsed and that no workers were inside.',
    );
    expectClaim(r, 'the warehouse roof had collapsed', {
      cue: 'said',
      sources: [{ name: 'Tomas Reyes' }],
    });
    expectClaim(r, 'no workers were inside', { cue: 'said', sources: [{ name: 'Tomas Reyes' }] });
    expect(r.claims).toHaveLength(2);
  });

  it.each([
    ['warned', 'The agency warned that river levels could rise by two metres overnight.'],
    ['denied', 'The company denied that its trucks had crossed the border.'],
    ['confirmed', 'The army confirmed that three soldiers were killed in the ambush.'],
    ['claimed', 'The group claimed that its fighters had seized two villages.'],
    ['stressed', 'The governor stressed that the curfew would remain in place.'],
    ['acknowledged', 'The ministry acknowledged that the vaccine shipment was late.'],
  ])('accepts the cue "%s"', (cue, sentence) => {
    const r = run(sentence);
    expect(r.claims).toHaveLength(1);
    const claim = r.claims[0]!;
    expect(claim.cue).toBe(cue);
    expect(claim.type).toBe('indirect');
    expect(claim.sources).toHaveLength(1);
    // the content starts right after "that"
    expect(sentence.indexOf(claim.text)).toBe(sentence.indexOf(' that ') + ' that '.length);
  });

  it('leaves the speaker and cue out of the claim text', () => {
    const r = run('Tomas Reyes said the blaze was under control by midnight.');
    for (const t of texts(r)) {
      expect(t).not.toMatch(/Reyes|said/);
    }
  });
});
