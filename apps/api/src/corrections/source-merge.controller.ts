import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ReadService, type Principal } from '@claimtrail/ingest';
import { SourceMergeService } from '@claimtrail/workflow';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { Access } from '../auth/roles.decorator';
import { ErrorDto } from '../common/error.dto';
import { NoQuery } from '../common/no-query';
import { UuidParam } from '../common/uuid-param';
import { workflowActor } from '../review/workflow-actor';
import { SourceDto } from '../sources/source.dto';
import { MergeSourceDto } from './correction.dto';

/** Merging registry sources (the source reads live in SourcesController). */
@ApiTags('sources')
@Controller('sources')
export class SourceMergeController {
  constructor(
    private readonly merges: SourceMergeService,
    private readonly read: ReadService,
  ) {}

  @Post(':id/merge')
  @HttpCode(200)
  @Access({
    roles: ['editor'],
    summary: 'Merge a source into another',
    description:
      'For two names of one speaker. Every claim citing the merged source cites `intoId` instead (a claim that cited both keeps one reference), its aliases and name become aliases of `intoId`, and its track record therefore joins that of `intoId`. The merged source is retired, not deleted: later articles that name it are attributed to `intoId`, and its id given in a correction stands for `intoId`. The same merge again answers 200 and changes nothing. Recorded in the audit log as `source.merged`.',
  })
  @ApiBody({ type: MergeSourceDto })
  @ApiOkResponse({ type: SourceDto, description: 'The surviving source (`intoId`).' })
  @ApiBadRequestResponse({
    description: 'id or intoId is not a UUID, or both name the same source.',
    type: ErrorDto,
  })
  @ApiNotFoundResponse({ description: 'No source has id, or none has intoId.', type: ErrorDto })
  @ApiConflictResponse({
    description: 'One of the two was merged into a third source already (the message names it).',
    type: ErrorDto,
  })
  @ApiServiceUnavailableResponse({ description: 'Postgres is unreachable.', type: ErrorDto })
  async merge(
    @UuidParam('id') id: string,
    @Body() body: MergeSourceDto,
    @CurrentPrincipal() principal: Principal,
    @NoQuery() _query: object,
  ): Promise<SourceDto> {
    await this.merges.merge(workflowActor(principal), id, body.intoId);
    return this.read.source(body.intoId);
  }
}
