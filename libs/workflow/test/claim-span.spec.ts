import { DomainError } from '@claimtrail/ingest';
import { mentionIn, respan } from '@claimtrail/workflow';

const article = 'Headline\nUS officials said the convoy crossed. The ministry denied it.';
const current = { start: 9, end: 46 }; // "US officials said the convoy crossed."
const second = article.indexOf('The ministry');

const refusal = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('accepted');
};

describe('a claim span changed by an editor', () => {
  it('is cut from the article again, with either end kept', () => {
    expect(respan(article, { current, start: second, end: article.length })).toEqual({
      start: second,
      end: article.length,
      text: 'The ministry denied it.',
    });
    expect(respan(article, { current, end: 22 })).toEqual({
      start: 9,
      end: 22,
      text: 'US officials ',
    });
    expect(respan(article, { current, start: 0 }).text).toBe(
      'Headline\nUS officials said the convoy crossed.',
    );
  });

  it('stays inside the article, with start before end, naming the field given', () => {
    expect(refusal(() => respan(article, { current, end: article.length + 1 }))).toMatchObject({
      code: 'invalid_input',
      message: `end must be at most ${article.length}, the length of the article's text`,
    });
    expect(refusal(() => respan(article, { current, start: 46 })).message).toBe(
      'start must be less than end (46)',
    );
    expect(refusal(() => respan(article, { current, end: 9 })).message).toBe(
      'end must be greater than start (9)',
    );
    expect(refusal(() => respan(article, { current, start: 30, end: 20 })).message).toMatch(
      /^start must be less than end/,
    );
  });

  it('never cuts a character in two nor holds only space', () => {
    const emoji = 'He said 😀 twice.';
    const inside = emoji.indexOf('😀') + 1;
    expect(
      refusal(() => respan(emoji, { current: { start: 0, end: 3 }, end: inside })).message,
    ).toBe('end must not fall inside a character (a surrogate pair)');
    expect(
      refusal(() => respan(emoji, { current: { start: 0, end: 3 }, start: inside, end: 16 }))
        .message,
    ).toBe('start must not fall inside a character (a surrogate pair)');
    expect(refusal(() => respan(article, { current, start: 8, end: 9 })).message).toBe(
      'start must leave some text in the span, not only space',
    );
  });
});

describe('the mention of a source newly given to a claim', () => {
  const text =
    'Washington said so. Later, U.S. officials said the convoy crossed. US officials agreed.';
  const span = { start: 27, end: 65 };

  it('is how the article writes the source nearest the claim, inside it first', () => {
    const source = { name: 'US officials', aliases: ['U.S. officials', 'US officials'] };
    expect(mentionIn(text, span, source)).toBe('U.S. officials');
    expect(mentionIn(text, { start: 67, end: 86 }, source)).toBe('US officials');
  });

  it('prefers the longer of two forms equally near, and is the name when the article has none', () => {
    expect(mentionIn(text, span, { name: 'officials', aliases: ['U.S. officials'] })).toBe(
      'U.S. officials',
    );
    expect(mentionIn(text, span, { name: 'The Pentagon', aliases: ['DoD'] })).toBe('The Pentagon');
    expect(mentionIn(text, span, { name: 'The Pentagon', aliases: [''] })).toBe('The Pentagon');
  });
});
