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

/** Log lines are written in blocks of about this many bytes… */
export const LOG_BLOCK_BYTES = 4096;
/** …or this long after the first line of a block, whichever comes first. */
export const LOG_FLUSH_MS = 1000;

/** The API's log destination: where pino writes lines, and how they are flushed. */
export interface ApiLogDestination extends DestinationStream {
  /** Writes what is pending. */
  flush(callback?: (error?: Error) => unknown): void;
  /** Writes what is pending and closes the destination. */
  end(): void;
}

/**
 * Where the API writes its log lines by default: standard output, or `dest` (a descriptor or
 * a path). A line per request made a system call per request, a tenth of the API's CPU
 * under load; lines are now written in blocks of LOG_BLOCK_BYTES, at most LOG_FLUSH_MS late,
 * and pino writes what is pending when the process exits (a process killed outright loses
 * at most the last second of lines).
 *
 * SonicBoom keeps the lines in "buffer" mode, each line encoded once: in its default mode it
 * appends each line to one pending string and measures that string's UTF-8 length again on
 * every write, which under load costs the API more than the write itself.
 */
export function apiLogDestination(dest: number | string = 1): ApiLogDestination {
  const blocks = pino.destination({
    dest,
    sync: false,
    minLength: LOG_BLOCK_BYTES,
    periodicFlush: LOG_FLUSH_MS,
    contentMode: 'buffer',
  });
  return {
    // in buffer mode SonicBoom takes Buffers (its types name strings only)
    write: (line: string) => blocks.write(Buffer.from(line) as unknown as string),
    flush: (callback) => blocks.flush(callback),
    end: () => blocks.end(),
  };
}

/**
 * The API's one pino logger: Fastify logs every request through it (one line when the
 * answer is sent) and Nest its application logs, to `options.logStream` or to
 * apiLogDestination().
 */
export function createApiLogger(config: AppConfig, options: ApiLoggerOptions): Logger {
  return pino(
    {
      level: options.logger === false ? 'silent' : config.logLevel,
      serializers: { req: requestForLog, res: replyForLog, err: pino.stdSerializers.err },
    },
    options.logStream ?? apiLogDestination(),
  );
}

/**
 * Fastify's request log lines, one per request: when the answer is sent, with the request
 * (id, method, URL, peer and a few headers, never a credential), the status and the time
 * taken. Fastify would also write a line on arrival, which says nothing the last one does not.
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
