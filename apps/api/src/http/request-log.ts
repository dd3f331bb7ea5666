import type { FastifyReply, FastifyRequest } from 'fastify';

/** Headers whose values never reach the log. */
const SECRET_HEADERS = new Set(['authorization', 'cookie', 'x-api-key', 'proxy-authorization']);
export const REDACTED = '[redacted]';

/** A request as its log line shows it. */
export interface LoggedRequest {
  id: string;
  method: string;
  url: string;
  headers: Record<string, unknown>;
  remoteAddress: string | undefined;
  remotePort: number | undefined;
}

/**
 * The request as it is logged: id, method, URL, peer and headers, with every secret header
 * replaced (in a copy: a serializer costs a fraction of path-based redaction). Bodies are
 * never part of it.
 */
export function requestForLog(req: FastifyRequest): LoggedRequest {
  const headers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(req.headers))
    headers[name] = SECRET_HEADERS.has(name) ? REDACTED : value;
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
