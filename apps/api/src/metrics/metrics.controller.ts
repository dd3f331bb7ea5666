import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { contentType } from 'prom-client';
import { Access } from '../auth/roles.decorator';
import { NoQuery } from '../common/no-query';
import { MetricsService } from './metrics.service';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Access({
    roles: ['admin'],
    summary: 'Prometheus metrics',
    description:
      'http_request_duration_seconds{route,method,status}, claimtrail_queue_depth{queue}, claimtrail_queue_jobs{queue,state} and the default process metrics.',
  })
  @Header('content-type', contentType)
  @ApiProduces(contentType)
  @ApiOkResponse({ description: 'Prometheus text exposition format.', schema: { type: 'string' } })
  scrape(@NoQuery() _query: object): Promise<string> {
    return this.metrics.render();
  }
}
