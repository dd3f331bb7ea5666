import { Module, RequestMethod, ValidationPipe, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { pino, type DestinationStream } from 'pino';
import type { AppConfig } from '@claimtrail/config';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ArticlesController } from './articles/articles.controller';
import { AuditController } from './audit/audit.controller';
import { ApiKeyGuard } from './auth/api-key.guard';
import { Authenticator } from './auth/authenticator';
import { ClaimsController } from './claims/claims.controller';
import { CorrectionsModule } from './corrections/corrections.module';
import { ApiExceptionFilter } from './errors/api-exception.filter';
import { HealthController } from './health/health.controller';
import { requestForLog } from './http/request-log';
import { requestIdFor } from './http/request-id';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { ClaimReadCacheModule } from './read-cache/claim-read-cache.module';
import { ReviewModule } from './review/review.module';
import { SourcesController } from './sources/sources.controller';

export interface ApiOptions {
  /** false: no log output at all (tests). */
  logger?: boolean;
  /** Where JSON log lines go (standard output by default). */
  logStream?: DestinationStream;
}

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, options: ApiOptions = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: [
            {
              level: options.logger === false ? 'silent' : config.logLevel,
              genReqId: (req) => requestIdFor(req),
              // keys and cookies never reach the log (replaced in a copy of the headers: a
              // serializer costs a fraction of path-based redaction on every request); bodies
              // are never logged at all
              serializers: { req: requestForLog },
            },
            // asynchronous writes: lines are coalesced while one write is in flight instead of
            // a system call per line; pino flushes what is pending when the process exits
            options.logStream ?? pino.destination({ dest: 1, sync: false }),
          ],
          // nestjs-pino's default route, "{/*splat}", only matches "/" under this Fastify
          // adapter; this one matches every path
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        }),
        TerminusModule.forRoot({ logger: false }),
        InfrastructureModule.forRoot(config),
        ClaimReadCacheModule.forRoot(config),
        ReviewModule,
        CorrectionsModule,
      ],
      controllers: [
        ArticlesController,
        ClaimsController,
        SourcesController,
        AuditController,
        ApiKeysController,
        HealthController,
        MetricsController,
      ],
      providers: [
        Authenticator,
        MetricsService,
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            whitelist: true,
            forbidNonWhitelisted: true,
            transform: true,
            // messages only: the rejected values may be long article text
            validationError: { target: false, value: false },
          }),
        },
      ],
    };
  }
}
