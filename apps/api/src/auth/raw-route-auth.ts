import { STATUS_CODES } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
 * Adds `hook` to every request whose matched route is `prefix` or below it. The route
 * pattern is what the router matched, so an encoded or oddly spelled URL cannot slip past.
 */
export function guardPrefix(
  fastify: FastifyInstance,
  prefixes: string[],
  hook: (request: FastifyRequest, reply: FastifyReply) => Promise<void>,
): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url;
    if (route !== undefined && prefixes.some((p) => route === p || route.startsWith(`${p}/`)))
      await hook(request, reply);
  });
}
