import { article, expectClaim, expectOwnVoice, run, sourceIds } from './support';

// A quote of several sentences by one speaker is one claim per sentence; a quote paragraph
// with no cue continues the previous speaker; "he added" and ", adding that" start a new
// claim by the same speaker.
describe('English multi-sentence quotes and continuations', () => {
  it('splits “S1. S2,” she said. into two claims with the same source', () => {
    const res = run(
      '“The clinic ran out of insulin on Sunday. We are sending patients to the city,” Nadia Farrell said.',
    );
    expectClaim(res, 'The clinic ran out of insulin on Sunday', {
      type: 'direct_quote',
      cue: 'said',
      sources: [{ name: 'Nadia Farrell' }],
    });
    expectClaim(res, 'We are sending patients to the city', {
      type: 'direct_quote',
      cue: 'said',
      sources: [{ name: 'Nadia Farrell' }],
    });
    expect(res.claims).toHaveLength(2);
  });

  it('splits a three-sentence fronted quote into three claims', () => {
    const res = run(
      '“The shelter is full. We have no more blankets. The next truck comes on Friday,” said Omar Haddad.',
    );
    const ids = sourceIds(
      res,
      'The shelter is full',
      'We have no more blankets',
      'The next truck comes on Friday',
    );
    expect(ids[0]).toHaveLength(1);
    expect(ids[1]).toEqual(ids[0]);
    expect(ids[2]).toEqual(ids[0]);
    expect(res.claims).toHaveLength(3);
    expect(res.claims.every((c) => c.type === 'direct_quote')).toBe(true);
  });

  it('splits a multi-sentence quote after "X said:"', () => {
    const res = run(
      article(
        'Clinic runs short of insulin',
        'Nadia Farrell said: “Our stock ran out on Sunday. The next delivery is due in ten days.”',
      ),
    );
    expectClaim(res, 'Our stock ran out on Sunday', {
      type: 'direct_quote',
      sources: [{ name: 'Nadia Farrell' }],
    });
    expectClaim(res, 'The next delivery is due in ten days', {
      type: 'direct_quote',
      sources: [{ name: 'Nadia Farrell' }],
    });
    expect(res.claims).toHaveLength(3);
  });

  it('gives a following quote paragraph with no cue to the previous speaker', () => {
    const res = run(
      article(
        'Clinic runs short of insulin',
        '“We ran out of insulin on Sunday,” Nadia Farrell said.',
        '“Some of our patients travelled four hours to get here.”',
      ),
    );
    expectClaim(res, 'Some of our patients travelled four hours to get here', {
      type: 'direct_quote',
      sources: [{ name: 'Nadia Farrell' }],
    });
    const [a, b] = sourceIds(
      res,
      'We ran out of insulin on Sunday',
      'Some of our patients travelled four hours to get here',
    );
    expect(b).toEqual(a);
  });

  it('gives "He added that ..." in the next sentence to the same speaker', () => {
    const res = run(
      'Omar Haddad said the pumps had been repaired. He added that water would return by evening.',
    );
    expectClaim(res, 'water would return by evening', {
      type: 'indirect',
      cue: 'added',
      sources: [{ name: 'Omar Haddad' }],
    });
    const [a, b] = sourceIds(res, 'the pumps had been repaired', 'water would return by evening');
    expect(b).toEqual(a);
    expect(res.claims).toHaveLength(2);
  });

  it('makes ", adding that ..." a second claim by the same speaker', () => {
    const res = run(
      'The water authority said the pumps had been repaired, adding that supply would resume on Thursday.',
    );
    expectClaim(res, 'the pumps had been repaired', { cue: 'said' });
    expectClaim(res, 'supply would resume on Thursday', { type: 'indirect', cue: 'adding' });
    const [a, b] = sourceIds(res, 'the pumps had been repaired', 'supply would resume on Thursday');
    expect(a).toHaveLength(1);
    expect(b).toEqual(a);
    expect(res.claims).toHaveLength(2);
  });

  it('reads “...,” he added. as a direct quote by the previous speaker', () => {
    const res = run(
      article(
        'Omar Haddad said the pumps had been repaired.',
        '“We worked through the night to get them running,” he added.',
      ),
    );
    expectClaim(res, 'We worked through the night to get them running', {
      type: 'direct_quote',
      cue: 'added',
      sources: [{ name: 'Omar Haddad' }],
    });
  });

  it('reads "She added: “...”" as a direct quote by the same speaker', () => {
    const res = run(
      article(
        'Clinic runs short of insulin',
        'Nadia Farrell said the clinic had asked the ministry for help. She added: “Nobody has answered us yet.”',
      ),
    );
    expectClaim(res, 'Nobody has answered us yet', {
      type: 'direct_quote',
      cue: 'added',
      sources: [{ name: 'Nadia Farrell' }],
    });
  });

  it('ends the quote at the closing mark: the next sentence is the outlet’s', () => {
    const res = run(
      '“The clinic ran out of insulin on Sunday. We are sending patients to the city,” Nadia Farrell said. The nearest city hospital is 90 km away.',
    );
    expectOwnVoice(res, 'The nearest city hospital is 90 km away');
    expect(res.claims).toHaveLength(3);
  });

  it('gives a quote paragraph with no cue to the latest speaker, not the first', () => {
    const res = run(
      article(
        'Clinic runs short of insulin',
        'Nadia Farrell said the clinic had run out of insulin.',
        'Health official Peter Strand said a delivery had left the capital on Monday.',
        '“It should arrive before the weekend.”',
      ),
    );
    expectClaim(res, 'It should arrive before the weekend', {
      type: 'direct_quote',
      sources: [{ name: 'Peter Strand' }],
    });
  });
});
