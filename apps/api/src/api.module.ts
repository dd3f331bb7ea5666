import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import type { AppConfig } from '@claimtrail/config';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ArticlesController } from './articles/articles.controller';
import { AuditController } from './audit/audit.controller';
import { ApiKeyGuard } from './auth/api-key.guard';
import { Authenticator } from './auth/authenticator';
import { ClaimDetails } from './claims/claim-details';
import { ClaimsController } from './claims/claims.controller';
import { QueryValidationPipe } from './common/query-validation.pipe';
import { CorrectionsModule } from './corrections/corrections.module';
import { ExportsModule } from './exports/exports.module';
import { ApiExceptionFilter } from './errors/api-exception.filter';
import { HealthController } from './health/health.controller';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { ClaimReadCacheModule } from './read-cache/claim-read-cache.module';
import { ReverificationModule } from './reverification/reverification.module';
import { ReviewModule } from './review/review.module';
import { SourcesController } from './sources/sources.controller';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        LoggerModule.forRoot({
          // the application's logs go to the logger Fastify logs requests with; requests
          // are logged by Fastify itself (see RequestLog), so nestjs-pino mounts
          // no middleware of its own
          pinoHttp: { logger },
          forRoutes: [],
        }),
        TerminusModule.forRoot({ logger: false }),
        InfrastructureModule.forRoot(config),
        ClaimReadCacheModule.forRoot(config),
        ReviewModule,
        ReverificationModule,
        CorrectionsModule,
        ExportsModule,
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
        ClaimDetails,
        MetricsService,
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        {
          provide: APP_PIPE,
          useValue: new QueryValidationPipe({
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
