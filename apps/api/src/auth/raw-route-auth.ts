import { STATUS_CODES } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Role } from '@claimtrail/persistence';
import { toErrorResponse } from '../errors/error-response';
import type { Authenticator } from './authenticator';
import { apiKeyFrom } from './credentials';
import { mayAccess } from './roles';

/**
 * An onRequest hook for routes that Nest's guard does not see (the OpenAPI document and UI,
 * the queue dashboard, mounted directly on Fastify). It takes the key from a Bearer header
 * or, so that a browser can open the page, from HTTP Basic auth (any user name, the key as
 * the password).
 */
export function requireApiKey(authenticator: Authenticator, roles: readonly Role[]) {
  const refuse = (reply: FastifyReply, statusCode: number, message: string) => {
    if (statusCode === 401)
      void reply.header('www-authenticate', 'Basic realm="claimtrail", charset="UTF-8"');
    return reply
      .status(statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .send({ statusCode, error: STATUS_CODES[statusCode], message });
  };
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const secret = apiKeyFrom(request.headers.authorization, true);
    if (!secret)
      return refuse(
        reply,
        401,
        'an API key is required (Bearer, or Basic with the key as password)',
      );
    try {
      const principal = await authenticator.authenticate(secret);
      if (!principal) return refuse(reply, 401, 'the API key is unknown or revoked');
      if (!mayAccess(principal.role, roles))
        return refuse(reply, 403, `the ${principal.role} role may not do this`);
    } catch (e) {
      const { body } = toErrorResponse(e);
      return refuse(reply, body.statusCode, body.message);
    }
  };
}

/**
 * Adds `hook` to the routes at `prefix` or below it, registered from now on (call it before
 * they are). It goes by the route pattern, which is what the router matches, so an encoded
 * or oddly spelled URL cannot slip past; other routes do not run it at all.
 */
export function guardPrefix(
  fastify: FastifyInstance,
  prefixes: string[],
  hook: (request: FastifyRequest, reply: FastifyReply) => Promise<void>,
): void {
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const url = route.url;
    if (!prefixes.some((p) => url === p || url.startsWith(`${p}/`))) return;
    const existing = route.onRequest;
    route.onRequest = [...(existing ? [existing].flat() : []), hook];
  });
}
