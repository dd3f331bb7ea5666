import { NestFactory } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@claimtrail/config';
import { ClaimReadCache } from '@claimtrail/ingest';
import { ApiModule } from './api.module';
import { Authenticator } from './auth/authenticator';
import { ClaimDetails } from './claims/claim-details';
import { guardPrefix, requireApiKey } from './auth/raw-route-auth';
import { READERS } from './auth/roles';
import { DOCS_PATH, setupSwagger } from './docs/swagger';
import { createApiLogger, RequestLog, type ApiLoggerOptions } from './http/api-logger';
import { MonitoredQueues } from './infrastructure/monitored-queues';
import { bodyLimitFor, useJsonObjectBodies } from './http/json-body-parser';
import { requestIdFor } from './http/request-id';
import { MetricsService } from './metrics/metrics.service';
import { serveCachedReads } from './read-cache/cached-read';
import { mountQueueDashboard, QUEUE_DASHBOARD_PATH } from './queue-dashboard/queue-dashboard';

/**
 * Builds the HTTP API, initialised and ready for `listen()` or `inject()`: connections open,
 * routes, docs and the queue dashboard mounted. Throws when Postgres cannot be reached.
 */
export async function createApiApp(
  config: AppConfig,
  options: ApiLoggerOptions = {},
): Promise<NestFastifyApplication> {
  const bodyLimit = bodyLimitFor(config.maxArticleChars);
  const logger = createApiLogger(config, options);
  const adapter = new FastifyAdapter({
    bodyLimit,
    // the API is reached directly or through a proxy that is configured, not trusted blindly
    trustProxy: false,
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => requestIdFor(req),
    loggerInstance: logger,
    logController: new RequestLog(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(config, logger),
    adapter,
    {
      bodyParser: false,
      bufferLogs: true,
      abortOnError: false,
      ...(options.logger === false ? { logger: false } : {}),
    },
  );
  try {
    app.useLogger(app.get(Logger));
    const fastify = app.getHttpAdapter().getInstance();
    useJsonObjectBodies(fastify, bodyLimit);
    fastify.addHook('onRequest', (request, reply, done) => {
      void reply.header('x-request-id', request.id);
      done();
    });
    app.get(MetricsService).instrument(fastify);
    const authenticator = app.get(Authenticator);
    const details = app.get(ClaimDetails);
    serveCachedReads(fastify, app.get(ClaimReadCache), authenticator, (id) => details.answer(id));
    guardPrefix(
      fastify,
      [`/${DOCS_PATH}`, `/${DOCS_PATH}-json`],
      requireApiKey(authenticator, READERS),
    );
    guardPrefix(fastify, [QUEUE_DASHBOARD_PATH], requireApiKey(authenticator, ['admin']));
    setupSwagger(app);
    await mountQueueDashboard(fastify, app.get(MonitoredQueues));
    app.enableShutdownHooks();
    await app.init();
    await fastify.ready();
    return app;
  } catch (e) {
    await app.close().catch(() => undefined);
    throw e;
  }
}
