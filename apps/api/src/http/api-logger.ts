import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
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
 * Fastify's request log lines, one per request: when the answer is sent, with the request
 * (id, method, URL, headers with secrets redacted), the status and the time taken. Fastify
 * would also write a line on arrival, which says nothing the last one does not.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {
    // logged on completion only
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error || reply.statusCode >= 500)
      reply.log.error(error ? { ...line, err: error } : line, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
