import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from './error-response';

/**
 * The one place errors become HTTP answers (see toErrorResponse). Unexpected errors are
 * logged with the request id and the route; never with the body or the headers, which may
 * hold article text or keys.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const { body, unexpected } = toErrorResponse(exception);
    if (unexpected) {
      const e = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error(
        {
          requestId: request?.id,
          method: request?.method,
          route: request?.routeOptions?.url,
          err: { name: e.name, message: e.message, stack: e.stack },
        },
        'unexpected error',
      );
    } else if (body.statusCode === 503) {
      this.logger.warn(
        { requestId: request?.id, reason: (exception as Error)?.message },
        body.message,
      );
    }
    if (reply.sent) return;
    if (body.statusCode === 401) void reply.header('www-authenticate', 'Bearer');
    void reply
      .status(body.statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .send(body);
  }
}
