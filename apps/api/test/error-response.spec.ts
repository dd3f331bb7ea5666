import { BadRequestException, ServiceUnavailableException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError } from '@claimtrail/ingest';
import { isDatabaseUnavailable, toErrorResponse } from '../src/errors/error-response';
import { QueueUnavailableError } from '../src/infrastructure/fail-fast-queue-gateway';
import { anyString } from './support/matchers';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });
const failedQuery = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

/** The one table from errors to HTTP answers. */
describe('toErrorResponse', () => {
  it.each([
    ['not_found', 404],
    ['invalid_input', 400],
    ['conflict', 409],
    ['gone', 410],
    ['too_large', 413],
    ['unavailable', 503],
  ] as const)('DomainError %s → %i', (code, status) => {
    expect(toErrorResponse(new DomainError(code, 'because')).body).toEqual({
      statusCode: status,
      error: anyString,
      message: 'because',
    });
  });

  it('joins validation messages into one string', () => {
    const { body } = toErrorResponse(new BadRequestException(['a must be x', 'b must be y']));
    expect(body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'a must be x; b must be y',
    });
  });

  it('keeps extra fields of an HttpException body (health details)', () => {
    const { body } = toErrorResponse(
      new ServiceUnavailableException({ message: 'unhealthy: redis down', failing: ['redis'] }),
    );
    expect(body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'unhealthy: redis down',
      failing: ['redis'],
    });
  });

  it('keeps the 4xx of a Fastify error', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    expect(toErrorResponse(tooLarge)).toEqual({
      body: { statusCode: 413, error: 'Payload Too Large', message: 'Request body is too large' },
      unexpected: false,
    });
  });

  it.each([
    [
      'refused',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    [
      'refused on every address',
      new AggregateError(
        [Object.assign(new Error('x'), { code: 'ECONNREFUSED' })],
        'connect failed',
      ),
    ],
    ['terminated', failedQuery(new Error('Connection terminated unexpectedly'))],
    ['timed out', new Error('timeout exceeded when trying to connect')],
    [
      'shut down',
      failedQuery(pgError('57P01', 'terminating connection due to administrator command')),
    ],
    ['starting up', pgError('57P03', 'the database system is starting up')],
    ['too many connections', pgError('53300', 'sorry, too many clients already')],
    ['not connected', Object.assign(new Error('x'), { name: 'CannotExecuteNotConnectedError' })],
  ])('Postgres %s → 503', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(toErrorResponse(error)).toEqual({
      body: {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'the database is unavailable; try again shortly',
      },
      unexpected: false,
    });
  });

  it('a queue that cannot be reached → 503', () => {
    expect(
      toErrorResponse(new QueueUnavailableError('redis is reconnecting')).body.statusCode,
    ).toBe(503);
    expect(
      toErrorResponse(new Error("Stream isn't writeable and enableOfflineQueue options is false"))
        .body.statusCode,
    ).toBe(503);
  });

  it("a data exception from Postgres is still the client's input: 400, flagged for the log", () => {
    const result = toErrorResponse(
      failedQuery(pgError('22P02', 'invalid input syntax for type uuid: "x"')),
    );
    expect(result).toEqual({
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'a value in the request is not valid',
      },
      unexpected: true,
    });
  });

  it('anything else is a 500 that says nothing of the cause', () => {
    expect(
      toErrorResponse(new TypeError("Cannot read properties of undefined (reading 'x')")),
    ).toEqual({
      body: { statusCode: 500, error: 'Internal Server Error', message: 'internal error' },
      unexpected: true,
    });
    expect(isDatabaseUnavailable(failedQuery(pgError('23505', 'duplicate key')))).toBe(false);
    expect(toErrorResponse(failedQuery(pgError('23505', 'duplicate key'))).body.statusCode).toBe(
      500,
    );
  });
});
