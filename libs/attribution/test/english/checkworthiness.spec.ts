import { article, claimAt, run } from './support';

// Check-worthiness ranks what a fact-checker would look at first: casualty figures and
// other numbers above background and colour.
describe('English check-worthiness', () => {
  const score = (text: string, claim: string): number => claimAt(run(text), claim).checkworthiness;

  it.each([
    [
      'At least 23 people were killed in the strike on Tuesday',
      'The town is known for its olive groves and old stone houses',
    ],
    [
      'The quake injured 412 people and destroyed 60 buildings',
      'The region has a long history of earthquakes',
    ],
    [
      'Food prices rose 40 percent in March compared with a year earlier',
      'Residents have long complained about the cost of living',
    ],
    [
      'Some 12,000 people have been displaced since the fighting began',
      'The fighting is part of a wider conflict in the region',
    ],
    [
      'Police arrested 17 people after the protest on Friday',
      'The protest was organised by a coalition of student groups',
    ],
  ])('ranks "%s" above "%s"', (figure, background) => {
    const text = article(`${figure}.`, `${background}.`);
    const r = run(text);
    expect(claimAt(r, figure).checkworthiness).toBeGreaterThan(
      claimAt(r, background).checkworthiness,
    );
  });

  it('ranks an attributed casualty figure above an attributed background remark', () => {
    const r = run(
      article(
        'The health ministry said 31 people were killed and 80 wounded.',
        'The health ministry said it was following the situation closely.',
      ),
    );
    expect(claimAt(r, '31 people were killed and 80 wounded').checkworthiness).toBeGreaterThan(
      claimAt(r, 'it was following the situation closely').checkworthiness,
    );
  });

  it('puts the casualty sentence first when claims are sorted by check-worthiness', () => {
    const r = run(
      article(
        'Storm hits the coast',
        'The storm reached the coast late on Saturday.',
        'Nine people died and 40 were injured when a hotel roof collapsed.',
        'The coast is popular with tourists in summer.',
      ),
    );
    const ranked = [...r.claims].sort((a, b) => b.checkworthiness - a.checkworthiness);
    expect(ranked[0]!.text).toBe(
      'Nine people died and 40 were injured when a hotel roof collapsed',
    );
  });

  it('ranks a specific figure above a prediction about it', () => {
    const figure = 'The dam released 300 million cubic metres of water on Monday';
    const forecast = 'The water level might fall later in the week';
    expect(score(`${figure}. ${forecast}.`, figure)).toBeGreaterThan(
      score(`${figure}. ${forecast}.`, forecast),
    );
  });

  it('keeps every score within 0..1', () => {
    const r = run(
      article(
        'Storm hits the coast',
        'The storm killed 14 people, the ministry said on Sunday.',
        'It rained.',
        '“We have never seen anything like it,” said Omar Haddad.',
      ),
    );
    expect(r.claims.length).toBeGreaterThan(0);
    for (const c of r.claims) {
      expect(c.checkworthiness).toBeGreaterThanOrEqual(0);
      expect(c.checkworthiness).toBeLessThanOrEqual(1);
    }
  });

  it('is deterministic for the same text', () => {
    const text = 'At least 23 people were killed in the strike on Tuesday, medics said.';
    expect(run(text).claims.map((c) => c.checkworthiness)).toEqual(
      run(text).claims.map((c) => c.checkworthiness),
    );
  });
});
