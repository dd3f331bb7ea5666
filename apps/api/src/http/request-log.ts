/** Headers whose values never reach the log. */
const SECRET_HEADERS = new Set(['authorization', 'cookie', 'x-api-key', 'proxy-authorization']);
export const REDACTED = '[redacted]';

/** What pino-http hands its `req` serializer (already reduced to plain fields). */
interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
  remoteAddress?: string;
  remotePort?: number;
}

/**
 * The request as it is logged: id, method, URL, peer and headers, with every secret header
 * replaced. Bodies are not part of it.
 */
export function requestForLog(req: SerializedRequest): SerializedRequest {
  const headers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(req.headers ?? {}))
    headers[name] = SECRET_HEADERS.has(name) ? REDACTED : value;
  return {
    id: req.id,
    method: req.method,
    url: req.url,
    headers,
    remoteAddress: req.remoteAddress,
    remotePort: req.remotePort,
  };
}
