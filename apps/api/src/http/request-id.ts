import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A caller's id is kept when it is short and plain; anything else could forge log lines. */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id: the caller's `x-request-id` when acceptable, else a new UUID. */
export function requestIdFor(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && ACCEPTABLE.test(header) ? header : randomUUID();
}
