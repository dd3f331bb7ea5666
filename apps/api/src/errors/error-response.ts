import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError, type DomainErrorCode } from '@claimtrail/ingest';
import { QueueUnavailableError } from '../infrastructure/fail-fast-queue-gateway';

/** The body of every error answer: `{statusCode, error, message}` (and extras for /health). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  [extra: string]: unknown;
}

export interface MappedError {
  body: ErrorBody;
  /** True for errors nobody anticipated: logged with their stack. */
  unexpected: boolean;
}

/** The one table from domain error codes to HTTP statuses. */
const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unavailable: 503,
};

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
const PG_CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established|Driver not Connected|Cannot execute operation on .* connection/i;
const REDIS_CONNECTION_MESSAGES =
  /Stream isn't writeable|Connection is closed|enableOfflineQueue|Reached the max retries per request/i;

const body = (statusCode: number, message: string, extras: object = {}): ErrorBody => ({
  ...extras,
  statusCode,
  error: STATUS_CODES[statusCode] ?? 'Error',
  message,
});

/** The error and what it wraps (TypeORM's driverError, `cause`, AggregateError's errors). */
function* chain(e: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (depth > 5 || typeof e !== 'object' || e === null) return;
  const o = e as Record<string, unknown>;
  yield o;
  yield* chain(o.driverError, depth + 1);
  yield* chain(o.cause, depth + 1);
  if (Array.isArray(o.errors)) for (const inner of o.errors) yield* chain(inner, depth + 1);
}

const sqlState = (e: unknown): string | undefined => {
  for (const o of chain(e))
    if (typeof o.code === 'string' && /^[0-9A-Z]{5}$/.test(o.code)) return o.code;
  return undefined;
};

/** Postgres cannot be reached or dropped the connection: 503, the client may retry. */
export function isDatabaseUnavailable(e: unknown): boolean {
  const state = sqlState(e);
  // 08: connection exception; 57P0x: server shutting down or starting; 53: out of resources
  if (state && (/^08/.test(state) || /^57P0[1-4]$/.test(state) || /^53/.test(state))) return true;
  for (const o of chain(e)) {
    // TypeORM: CannotExecuteNotConnectedError and friends
    if (typeof o.name === 'string' && /NotConnected|ConnectionIsNotSet/.test(o.name)) return true;
    if (typeof o.code === 'string' && NETWORK_CODES.has(o.code)) return true;
    if (typeof o.message === 'string' && PG_CONNECTION_MESSAGES.test(o.message)) return true;
  }
  return false;
}

function isQueueUnavailable(e: unknown): boolean {
  if (e instanceof QueueUnavailableError) return true;
  for (const o of chain(e)) {
    if (o.name === 'MaxRetriesPerRequestError') return true;
    if (typeof o.message === 'string' && REDIS_CONNECTION_MESSAGES.test(o.message)) return true;
  }
  return false;
}

function httpExceptionBody(e: HttpException): ErrorBody {
  const status = e.getStatus();
  const response = e.getResponse();
  if (typeof response === 'string') return body(status, response);
  const { message, ...extras } = response as Record<string, unknown>;
  // the status and its name come from the exception itself
  delete extras.statusCode;
  delete extras.error;
  const text = Array.isArray(message)
    ? message.map(String).join('; ')
    : typeof message === 'string'
      ? message
      : (STATUS_CODES[status] ?? 'Error');
  return body(status, text, extras);
}

/**
 * Maps anything thrown while serving a request to the contract's error body. Bad input of
 * any kind ends in a 4xx; a 5xx means an outage (503) or a bug (500, logged).
 */
export function toErrorResponse(e: unknown): MappedError {
  if (e instanceof DomainError)
    return { body: body(DOMAIN_STATUS[e.code], e.message, e.details), unexpected: false };
  if (e instanceof HttpException) {
    const b = httpExceptionBody(e);
    return { body: b, unexpected: b.statusCode >= 500 && b.statusCode !== 503 };
  }
  // Fastify's own errors (body too large, unsupported media type, malformed JSON) carry a
  // 4xx statusCode and an FST_ code
  const o = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
  if (
    typeof o.statusCode === 'number' &&
    o.statusCode >= 400 &&
    o.statusCode < 500 &&
    typeof o.message === 'string'
  )
    return { body: body(o.statusCode, o.message), unexpected: false };
  if (isDatabaseUnavailable(e))
    return { body: body(503, 'the database is unavailable; try again shortly'), unexpected: false };
  if (isQueueUnavailable(e))
    return {
      body: body(503, 'the job queue is unavailable; try again shortly'),
      unexpected: false,
    };
  // a data exception from Postgres (class 22) is input the validation let through: still the
  // client's input, never a 5xx (logged, so the missing validation gets added)
  if (e instanceof QueryFailedError && sqlState(e)?.startsWith('22'))
    return { body: body(400, 'a value in the request is not valid'), unexpected: true };
  return { body: body(500, 'internal error'), unexpected: true };
}
