import { DomainError } from '@claimtrail/ingest';

export interface SpanChange {
  /** The claim's span now. */
  current: { start: number; end: number };
  /** What the editor asked for (either end may stay). */
  start?: number;
  end?: number;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` falls between the two halves of one character. */
const splitsCharacter = (text: string, offset: number): boolean =>
  offset > 0 &&
  offset < text.length &&
  isHighSurrogate(text.charCodeAt(offset - 1)) &&
  isLowSurrogate(text.charCodeAt(offset));

/**
 * The claim's new span in its article and the text it holds, re-sliced from the article:
 * offsets are UTF-16 units, as the engine gives them, with 0 ≤ start < end ≤ the article's
 * length. A span may not cut a character in two nor hold only whitespace. Breaking a rule is
 * invalid input naming the field the editor gave.
 */
export function respan(
  article: string,
  change: SpanChange,
): { start: number; end: number; text: string } {
  const start = change.start ?? change.current.start;
  const end = change.end ?? change.current.end;
  // the field to blame for a bad pair: the one the editor changed (start when both)
  const moved = change.start !== undefined ? 'start' : 'end';
  const invalid = (message: string) => new DomainError('invalid_input', message);
  if (end > article.length)
    throw invalid(`end must be at most ${article.length}, the length of the article's text`);
  if (start >= end)
    throw invalid(
      moved === 'start'
        ? `start must be less than end (${end})`
        : `end must be greater than start (${start})`,
    );
  for (const [field, offset] of [
    ['start', start],
    ['end', end],
  ] as const)
    if (splitsCharacter(article, offset))
      throw invalid(`${field} must not fall inside a character (a surrogate pair)`);
  const text = article.slice(start, end);
  if (!/\S/u.test(text)) throw invalid(`${moved} must leave some text in the span, not only space`);
  return { start, end, text };
}

/**
 * How the article names a source for a claim: of the source's name and aliases, the one
 * written closest to the claim (inside it counts as closest; ties go to the longer form,
 * then to the earlier one), or the source's name when the article never writes any.
 */
export function mentionIn(
  article: string,
  span: { start: number; end: number },
  source: { name: string; aliases: readonly string[] },
): string {
  let best: { distance: number; text: string; at: number } | undefined;
  for (const text of new Set([source.name, ...source.aliases])) {
    if (text.length === 0) continue;
    for (let at = article.indexOf(text); at >= 0; at = article.indexOf(text, at + 1)) {
      const distance = Math.max(0, span.start - (at + text.length), at - span.end);
      const better =
        !best ||
        distance < best.distance ||
        (distance === best.distance &&
          (text.length > best.text.length || (text.length === best.text.length && at < best.at)));
      if (better) best = { distance, text, at };
    }
  }
  return best?.text ?? source.name;
}
