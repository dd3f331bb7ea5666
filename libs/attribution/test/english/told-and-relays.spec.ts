import { article, expectClaim, run } from './support';

// Relays: an outlet that passed the words on goes into `via`, the speaker into `sources`.
// The outlet that published the article is never a relay (publisher option or dateline).
describe('English "told" and relay chains', () => {
  const told = 'Port director Sami Karam told Reuters that 12 ships were waiting to unload.';

  it('puts Reuters in via for "X told Reuters" in someone else’s article', () => {
    const r = run(told);
    expectClaim(r, '12 ships were waiting to unload', {
      type: 'indirect',
      cue: 'told',
      sources: [{ name: 'Sami Karam', anonymous: false }],
      via: ['Reuters'],
    });
    expect(r.claims).toHaveLength(1);
  });

  it('leaves via empty when Reuters published the article (publisher option)', () => {
    const r = run(told, { publisher: 'Reuters' });
    expectClaim(r, '12 ships were waiting to unload', {
      cue: 'told',
      sources: [{ name: 'Sami Karam' }],
      via: [],
    });
  });

  it('leaves via empty when a "(Reuters) -" dateline names the publisher', () => {
    const r = run(`BEIRUT (Reuters) - ${told}`);
    expectClaim(r, '12 ships were waiting to unload', {
      cue: 'told',
      sources: [{ name: 'Sami Karam' }],
      via: [],
    });
  });

  it('leaves via empty for "told AFP" under an AFP dateline', () => {
    const r = run(
      'BEIRUT, Oct 3 (AFP) – Port director Sami Karam told AFP that the cranes were idle.',
    );
    expectClaim(r, 'the cranes were idle', { sources: [{ name: 'Sami Karam' }], via: [] });
  });

  it('matches the publisher by alias: "told AFP" with publisher "Agence France-Presse"', () => {
    const r = run('Port director Sami Karam told AFP that the cranes were idle.', {
      publisher: 'Agence France-Presse',
    });
    expectClaim(r, 'the cranes were idle', { via: [] });
  });

  it('does not put a non-publisher agency out of via because another agency published', () => {
    const r = run(told, { publisher: 'AFP' });
    expectClaim(r, '12 ships were waiting to unload', { via: ['Reuters'] });
  });

  it('does not treat "told reporters" as a relay', () => {
    const r = run('Port director Sami Karam told reporters that the cranes were idle.');
    expectClaim(r, 'the cranes were idle', {
      cue: 'told',
      sources: [{ name: 'Sami Karam' }],
      via: [],
    });
  });

  it('puts the outlet in via for a fronted quote “...,” X told The National.', () => {
    const r = run('“We lost two days of work,” a resident told The National.');
    expectClaim(r, 'We lost two days of work', {
      type: 'direct_quote',
      cue: 'told',
      sources: [{ kind: 'person' }],
      via: ['The National'],
    });
  });

  it('reads "Reuters reported, citing officials, that ..." as officials relayed by Reuters', () => {
    const r = run('Reuters reported, citing two officials, that the port would close on Friday.');
    expectClaim(r, 'the port would close on Friday', {
      type: 'indirect',
      sources: [{ kind: 'official_group', anonymous: true }],
      via: ['Reuters'],
    });
    expect(r.claims).toHaveLength(1);
  });

  it('reads a sentence-final ", Reuters reported, citing officials."', () => {
    const r = run('The port will close on Friday, Reuters reported, citing two officials.');
    expectClaim(r, 'The port will close on Friday', {
      type: 'indirect',
      sources: [{ kind: 'official_group', anonymous: true }],
      via: ['Reuters'],
    });
  });

  it('makes Reuters the source of "Reuters reported that" with no one cited', () => {
    const r = run('Reuters reported that the port would close on Friday.');
    expectClaim(r, 'the port would close on Friday', {
      cue: 'reported',
      sources: [{ name: 'Reuters', kind: 'agency', anonymous: false }],
      via: [],
    });
  });

  it('reads "the newspaper quoted Y as saying" with the named newspaper in via', () => {
    const r = run(
      article(
        'The Washington Post said the talks were at an impasse.',
        'The newspaper quoted a senior official as saying that no meeting was planned.',
      ),
    );
    expectClaim(r, 'no meeting was planned', {
      type: 'indirect',
      sources: [{ name: 'senior official', anonymous: true }],
      via: ['The Washington Post'],
    });
  });

  it('reads "X quoted Y as saying “...”" as a direct quote relayed by X', () => {
    const r = run(
      article(
        'Talks at an impasse',
        'Al Jazeera quoted the mediator as saying: “Both sides have hardened their positions.”',
      ),
    );
    expectClaim(r, 'Both sides have hardened their positions', {
      type: 'direct_quote',
      sources: [{ name: /mediator/i }],
      via: ['Al Jazeera'],
    });
  });

  it('does not make a spokesman who quotes a minister a relay', () => {
    const r = run(
      'A ministry spokesman quoted Finance Minister Leila Barakat as saying that salaries would be paid on time.',
    );
    expectClaim(r, 'salaries would be paid on time', {
      sources: [{ name: 'Leila Barakat' }],
      via: [],
    });
  });

  it('puts a named newspaper in via for "X told The Guardian"', () => {
    const r = run(
      'Opposition leader Hadi Suleiman told The Guardian that the vote had been rigged.',
    );
    expectClaim(r, 'the vote had been rigged', {
      cue: 'told',
      sources: [{ name: 'Hadi Suleiman' }],
      via: ['The Guardian'],
    });
  });
});
