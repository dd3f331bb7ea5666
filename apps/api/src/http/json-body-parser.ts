import type { FastifyInstance } from 'fastify';

/** Deeper than any body the API accepts; the limit keeps validation from recursing forever. */
export const MAX_JSON_DEPTH = 16;

class BodyError extends Error {
  readonly statusCode = 400;
  constructor(message: string) {
    super(message);
  }
}

function depthOf(value: unknown, limit: number): number {
  const stack: [unknown, number][] = [[value, 1]];
  let max = 0;
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/**
 * The only body the API parses: a JSON object, at most `bodyLimit` bytes and MAX_JSON_DEPTH
 * levels deep. Every other content type is refused by Fastify with 415; a body over the
 * limit with 413; malformed JSON, a prototype-poisoning key, a non-object or a deep body
 * with 400.
 */
export function useJsonObjectBodies(fastify: FastifyInstance, bodyLimit: number): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit },
    (request, raw, done) => {
      void parseJson(request, raw.toString(), (err: Error | null, parsed?: unknown) => {
        if (err) return done(err, undefined);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          return done(new BodyError('the body must be a JSON object'), undefined);
        if (depthOf(parsed, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
          return done(
            new BodyError(`the body is nested deeper than ${MAX_JSON_DEPTH} levels`),
            undefined,
          );
        done(null, parsed);
      });
    },
  );
}

/**
 * Bytes of a body holding a text of `maxChars` characters: a JSON encoder may write each
 * UTF-16 unit as a 6-byte `\uXXXX` escape (Python's json.dumps does so for Arabic by
 * default), plus room for the other fields.
 */
export function bodyLimitFor(maxChars: number): number {
  return maxChars * 6 + 64 * 1024;
}
