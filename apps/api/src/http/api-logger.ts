import type { FastifyInstance } from 'fastify';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '@claimtrail/config';
import { replyForLog, requestForLog } from './request-log';

export interface ApiLoggerOptions {
  /** false: no log output at all (tests). */
  logger?: boolean;
  /** Where JSON log lines go (standard output by default). */
  logStream?: DestinationStream;
}

/**
 * The API's one pino logger: Fastify logs every request through it (one line when the
 * answer is sent) and Nest its application logs. Lines are written asynchronously
 * (coalesced while a write is in flight instead of a system call per line); pino flushes
 * what is pending when the process exits.
 */
export function createApiLogger(config: AppConfig, options: ApiLoggerOptions): Logger {
  return pino(
    {
      level: options.logger === false ? 'silent' : config.logLevel,
      serializers: { req: requestForLog, res: replyForLog, err: pino.stdSerializers.err },
    },
    options.logStream ?? pino.destination({ dest: 1, sync: false }),
  );
}

/**
 * One JSON line per answered request, with its id, route, status and time: Fastify's own
 * request logging (which the adapter is told to leave off) writes two lines, one on arrival
 * and one on completion, and the first says nothing the second does not.
 */
export function logCompletedRequests(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (reply.statusCode >= 500) request.log.error(line, 'request errored');
    else request.log.info(line, 'request completed');
    done();
  });
}
