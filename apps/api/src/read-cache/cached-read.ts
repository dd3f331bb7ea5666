import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { ClaimReadCache } from '@claimtrail/ingest';
import type { Role } from '@claimtrail/persistence';
import type { Authenticator } from '../auth/authenticator';
import { apiKeyFrom } from '../auth/credentials';
import { Access } from '../auth/roles.decorator';
import { mayAccess } from '../auth/roles';
import { isUuid } from '../common/uuid-param';

/** The answers ClaimReadCache keeps: one claim's, and one list query's. */
export type CachedReadKind = 'claim' | 'claimList';

/** What a cached read route tells Fastify about itself (its route config). */
interface CachedReadConfig {
  kind: CachedReadKind;
  roles: readonly Role[];
}

const CONFIG_KEY = 'cachedRead';

/**
 * A read route whose answers ClaimReadCache keeps, with its access (as @Access declares
 * it). A kept answer, and a claim's first read, are sent before Nest's pipeline (see
 * serveCachedReads); everything else goes through Nest as on any route, guard and
 * validation first.
 */
export function CachedRead(
  kind: CachedReadKind,
  access: { roles: Role[]; summary: string; description?: string },
) {
  const config: CachedReadConfig = { kind, roles: [...access.roles] };
  return applyDecorators(Access(access), RouteConfig({ [CONFIG_KEY]: config }));
}

/**
 * The key of a list query's kept answer: its query string as sent. The answer depends on
 * nothing else, and an answer is kept only after Nest validated the query, so a key that
 * is found names a query that passed (spelling the same query another way is another key).
 */
export function listCacheKey(request: FastifyRequest): string {
  const at = request.url.indexOf('?');
  return at < 0 ? '' : request.url.slice(at + 1);
}

/**
 * The key of a claim's kept answer: its id in lower case, as Postgres prints uuids (an id
 * is kept only once Nest has found it a valid UUID).
 */
export const claimCacheKey = (id: string): string => id.toLowerCase();

/** The key of a kept answer for this request, or undefined when it cannot have one. */
function keyOf(kind: CachedReadKind, request: FastifyRequest): string | undefined {
  if (kind === 'claimList') return listCacheKey(request);
  // the claim route takes no query parameters: a request with any is Nest's to refuse
  if (request.url.includes('?')) return undefined;
  const { id } = request.params as { id?: unknown };
  return typeof id === 'string' ? claimCacheKey(id) : undefined;
}

/** Where the hook leaves the error of a claim read that failed, for Nest to answer. */
const FAILED_READ = Symbol('claim read failed before Nest');
type WithFailedRead = FastifyRequest & { [FAILED_READ]?: { error: unknown } };

/**
 * The error of the claim read serveCachedReads tried for this request and left to Nest,
 * if it did: the handler answers it rather than read again (an unknown claim is not looked
 * up twice, nor does Postgres away make the caller wait twice).
 */
export function failedClaimRead(request: FastifyRequest): { error: unknown } | undefined {
  return (request as WithFailedRead)[FAILED_READ];
}

/**
 * Serves @CachedRead routes from an onRequest hook of their own, without Nest's guard,
 * pipes and handler, which under load cost more CPU than the rest of an answer together:
 * a kept answer on either route, and on GET /claims/:id also a first read (`claimAnswer`,
 * given a valid id, reads the answer and keeps it). The hook authenticates the key and
 * checks the route's roles as the guard does, and answers only a caller that passes. It
 * leaves every other request to Nest, which answers it as before, errors included: no key,
 * a key refused or not checkable now, a list query with no answer kept, an id that is not
 * a UUID, a query string on the claim route, and a read that fails (an unknown claim,
 * Postgres away), whose error Nest answers (see failedClaimRead). Fastify's own hooks
 * (request id, log line, metrics) run for every request either way.
 *
 * Call before Nest registers its routes (app.init()).
 */
export function serveCachedReads(
  fastify: FastifyInstance,
  cache: ClaimReadCache,
  authenticator: Authenticator,
  claimAnswer: (id: string) => Promise<Buffer>,
): void {
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const config = (route.config as Record<string, unknown> | undefined)?.[CONFIG_KEY] as
      CachedReadConfig | undefined;
    if (!config) return;
    const { kind, roles } = config;
    const kept = (key: string) => (kind === 'claim' ? cache.keptClaim(key) : cache.keptList(key));
    const serve = async (request: FastifyRequest, reply: FastifyReply) => {
      const key = keyOf(kind, request);
      if (key === undefined) return;
      // what is not kept is read here on the claim route, given a valid id
      const readable = () => kind === 'claim' && isUuid(key);
      if (!kept(key) && !readable()) return;
      const secret = apiKeyFrom(request.headers.authorization);
      if (!secret) return;
      const principal = await authenticator.authenticate(secret).catch(() => null);
      if (!principal || !mayAccess(principal.role, roles)) return;
      // looked up again: a change announced while the key was checked has dropped it
      const answer =
        kept(key) ??
        (readable()
          ? await claimAnswer(key).catch((error: unknown) => {
              (request as WithFailedRead)[FAILED_READ] = { error };
              return undefined;
            })
          : undefined);
      if (!answer) return;
      return reply.header('content-type', 'application/json; charset=utf-8').send(answer);
    };
    const existing = route.onRequest;
    route.onRequest = [...(existing ? [existing].flat() : []), serve];
  });
}
