import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The request headers a log line shows: what says who called and with what, never a
 * credential. An allowlist, so that a header carrying a secret under a name nobody thought
 * of (a proxy's token, a cookie) never reaches the log; every other header is left out.
 */
export const LOGGED_HEADERS = [
  'user-agent',
  'content-type',
  'content-length',
  'x-forwarded-for',
] as const;

/** A request as its log line shows it. */
export interface LoggedRequest {
  id: string;
  method: string;
  url: string;
  headers: Partial<Record<(typeof LOGGED_HEADERS)[number], string | string[]>>;
  remoteAddress: string | undefined;
  remotePort: number | undefined;
}

/**
 * The request as it is logged: id, method, URL, peer and the LOGGED_HEADERS it has. Bodies
 * are never part of it.
 */
export function requestForLog(req: FastifyRequest): LoggedRequest {
  const headers: LoggedRequest['headers'] = {};
  for (const name of LOGGED_HEADERS) {
    const value = req.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  return {
    id: req.id,
    method: req.method,
    url: req.url,
    headers,
    remoteAddress: req.socket?.remoteAddress,
    remotePort: req.socket?.remotePort,
  };
}

/** The response as it is logged: its status. */
export function replyForLog(reply: FastifyReply): { statusCode: number } {
  return { statusCode: reply.statusCode };
}
