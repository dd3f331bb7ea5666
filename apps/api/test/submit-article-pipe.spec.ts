import { BadRequestException } from '@nestjs/common';
import { SubmitArticlePipe } from '../src/articles/submit-article.pipe';

/**
 * The POST /articles body check, beside errors.spec.ts (which covers each rule over HTTP):
 * what ValidationPipe did for the other bodies holds here too.
 */
describe('SubmitArticlePipe', () => {
  const pipe = new SubmitArticlePipe();
  const messageOf = (body: unknown): string => {
    try {
      pipe.transform(body);
    } catch (e) {
      if (!(e instanceof BadRequestException)) throw e;
      return (e.getResponse() as { message: string[] }).message.join('; ');
    }
    throw new Error('accepted');
  };

  it('passes a valid body through, and takes null for an absent optional field', () => {
    const full = {
      text: 'Headline\nThe minister said so.',
      headline: 'Headline',
      outlet: 'Gulf Wire',
      url: 'https://example.com/a',
      language: 'en',
      publishedAt: '2026-01-02T03:04:05Z',
    };
    expect(pipe.transform(full)).toEqual(full);
    const nulls = { text: 'ok', headline: null, outlet: null, url: null, language: null };
    expect(pipe.transform({ ...nulls, publishedAt: null })).toEqual({
      ...nulls,
      publishedAt: null,
    });
  });

  it('names every unknown property and every bad field in one answer', () => {
    expect(
      messageOf({ text: ' ', url: 'ftp://x.org', language: 'fr', extra: 1, headline: 'h' }),
    ).toBe(
      'property extra should not exist; text must not be empty or only whitespace; ' +
        'url must be an http or https URL; language must be one of the following values: ar, en',
    );
  });

  it('refuses a missing or null text, and a body that is not there', () => {
    expect(messageOf({})).toBe('text must be a string');
    expect(messageOf({ text: null })).toBe('text must be a string');
    expect(messageOf(undefined)).toBe('text must be a string');
  });
});
