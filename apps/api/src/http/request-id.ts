import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const ids = new WeakMap<IncomingMessage, string>();
/** A caller's id is kept when it is short and plain; anything else could forge log lines. */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request id: the caller's `x-request-id` when acceptable, else a new UUID. Fastify and
 * pino-http both ask for it; the first call decides and the second gets the same id.
 */
export function requestIdFor(req: IncomingMessage): string {
  let id = ids.get(req);
  if (id === undefined) {
    const header = req.headers['x-request-id'];
    id = typeof header === 'string' && ACCEPTABLE.test(header) ? header : randomUUID();
    ids.set(req, id);
  }
  return id;
}
