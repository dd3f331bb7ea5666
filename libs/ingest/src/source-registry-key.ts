import { normalize, type Source } from '@claimtrail/attribution';

/**
 * The key a source is matched by across articles: its normalised name and kind, so "US
 * officials" from ten articles is one source. A single unnamed person («مصدر دبلوماسي»,
 * "a senior official") is a different person in each article, so it stays in its article.
 */
export function registryKey(
  source: Pick<Source, 'name' | 'kind' | 'anonymous'>,
  articleId: string,
): string {
  const name = normalize(source.name)
    .text.toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const onePerson = source.anonymous === true && source.kind === 'person';
  return onePerson ? `${source.kind}|${name}|article:${articleId}` : `${source.kind}|${name}`;
}
