import { article, expectClaim, expectOwnVoice, run, sourceIds, texts } from './support';

// Quote-first frames: the quotation (or clause) comes first and the cue closes the sentence.
// The claim is the quotation without its edge quotation marks and its trailing comma.
describe('English fronted quotes', () => {
  it('reads “...,” X said.', () => {
    const r = run('“The water is still rising in the lower districts,” Nadia Farrell said.');
    expectClaim(r, 'The water is still rising in the lower districts', {
      type: 'direct_quote',
      cue: 'said',
      sources: [{ name: 'Nadia Farrell', anonymous: false }],
      via: [],
    });
    expect(r.claims).toHaveLength(1);
  });

  it('reads “...,” said X, the ... and keeps the appositive out of the source name', () => {
    const r = run(
      '“We have never seen the river this high,” said Omar Haddad, the town’s chief engineer.',
    );
    expectClaim(r, 'We have never seen the river this high', {
      type: 'direct_quote',
      cue: 'said',
      sources: [{ name: 'Omar Haddad', kind: 'person', anonymous: false }],
    });
    expect(r.claims).toHaveLength(1);
  });

  it('reads “...,” X said on Monday.', () => {
    const r = run('“The pumps will be back by the weekend,” Nadia Farrell said on Monday.');
    expectClaim(r, 'The pumps will be back by the weekend', {
      type: 'direct_quote',
      cue: 'said',
      sources: [{ name: 'Nadia Farrell' }],
    });
    expect(r.claims).toHaveLength(1);
  });

  it('accepts straight double quotes', () => {
    const r = run('"The pumps will be back by the weekend," Nadia Farrell said.');
    expectClaim(r, 'The pumps will be back by the weekend', {
      type: 'direct_quote',
      cue: 'said',
      sources: [{ name: 'Nadia Farrell' }],
    });
  });

  it('reads a fronted quote from an unnamed official as anonymous', () => {
    const r = run('“Three bridges are closed until further notice,” a senior official said.');
    expectClaim(r, 'Three bridges are closed until further notice', {
      type: 'direct_quote',
      cue: 'said',
      sources: [{ name: 'senior official', kind: 'person', anonymous: true }],
    });
  });

  it('reads a fronted indirect clause: "..., the governor said."', () => {
    const r = run('The evacuation order will stay in force until Sunday, the governor said.');
    expectClaim(r, 'The evacuation order will stay in force until Sunday', {
      type: 'indirect',
      cue: 'said',
      sources: [{ name: /governor/i }],
    });
    expect(r.claims).toHaveLength(1);
  });

  it('reads "..., said the ministry" with a definite institution', () => {
    const r = run('Some 4,000 homes were without power on Tuesday, said the energy ministry.');
    expectClaim(r, 'Some 4,000 homes were without power on Tuesday', {
      type: 'indirect',
      cue: 'said',
      sources: [{ name: /ministry/i, kind: 'government', anonymous: false }],
    });
  });

  it('links “...,” she said. to the woman named just before', () => {
    const r = article(
      'Nadia Farrell said the school had been turned into a shelter.',
      '“We have beds for 200 people,” she said.',
    );
    const res = run(r);
    expectClaim(res, 'We have beds for 200 people', { type: 'direct_quote', cue: 'said' });
    const [a, b] = sourceIds(
      res,
      'the school had been turned into a shelter',
      'We have beds for 200 people',
    );
    expect(a).toHaveLength(1);
    expect(b).toEqual(a);
  });

  it('links “...,” he told reporters. to the man named just before', () => {
    const res = run(
      article(
        'Omar Haddad said the dam had held.',
        '“Nobody expected it to survive the night,” he told reporters.',
      ),
    );
    expectClaim(res, 'Nobody expected it to survive the night', {
      type: 'direct_quote',
      cue: 'told',
      sources: [{ name: 'Omar Haddad' }],
      via: [],
    });
  });

  it('keeps the next sentence in the outlet’s voice', () => {
    const res = run(
      '“The convoy reached the camp at noon,” Nadia Farrell said. The camp houses about 9,000 people.',
    );
    expectClaim(res, 'The convoy reached the camp at noon', {
      type: 'direct_quote',
      sources: [{ name: 'Nadia Farrell' }],
    });
    expectOwnVoice(res, 'The camp houses about 9,000 people');
    expect(res.claims).toHaveLength(2);
  });

  it('does not put the cue or the speaker into the claim text', () => {
    const res = run('“The road north is open again,” said Omar Haddad.');
    expect(texts(res)).toEqual(['The road north is open again']);
  });

  it('keeps a quote with an inner comma whole', () => {
    const res = run(
      '“The shelling stopped at dawn, but nobody trusts the truce,” Nadia Farrell said.',
    );
    expectClaim(res, 'The shelling stopped at dawn, but nobody trusts the truce', {
      type: 'direct_quote',
      sources: [{ name: 'Nadia Farrell' }],
    });
    expect(res.claims).toHaveLength(1);
  });
});
