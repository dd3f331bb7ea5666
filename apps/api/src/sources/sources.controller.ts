import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ReadService } from '@claimtrail/ingest';
import { Access } from '../auth/roles.decorator';
import { READERS } from '../auth/roles';
import { ErrorDto } from '../common/error.dto';
import { NoQuery } from '../common/no-query';
import { UuidParam } from '../common/uuid-param';
import { SourceDto, SourcePageDto, SourceQueryDto } from './source.dto';

@ApiTags('sources')
@Controller('sources')
export class SourcesController {
  constructor(private readonly read: ReadService) {}

  @Get()
  @Access({
    roles: [...READERS],
    summary: 'List the live sources of the registry, oldest first or by track record',
  })
  @ApiOkResponse({ type: SourcePageDto })
  @ApiBadRequestResponse({
    description: 'An unknown or invalid filter, sort, limit or cursor (of another sort).',
    type: ErrorDto,
  })
  list(@Query() query: SourceQueryDto): Promise<SourcePageDto> {
    const { limit, cursor, ...filter } = query;
    return this.read.sources(filter, limit, cursor);
  }

  @Get(':id')
  @Access({
    roles: [...READERS],
    summary: 'One source with its aliases and track record; a merged source answers its survivor',
  })
  @ApiOkResponse({ type: SourceDto })
  @ApiBadRequestResponse({ description: 'id is not a UUID.', type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  get(@UuidParam('id') id: string, @NoQuery() _query: object): Promise<SourceDto> {
    return this.read.source(id);
  }
}
