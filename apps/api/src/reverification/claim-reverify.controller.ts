import { Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@claimtrail/ingest';
import { ReverificationService, VerdictViews } from '@claimtrail/workflow';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { Access } from '../auth/roles.decorator';
import { ErrorDto } from '../common/error.dto';
import { NoQuery } from '../common/no-query';
import { UuidParam } from '../common/uuid-param';
import { ReviewClaimDto } from '../review/review-response.dto';
import { workflowActor } from '../review/workflow-actor';

/** Re-verification on an editor's request, under the claim it concerns. */
@ApiTags('claims')
@Controller('claims')
export class ClaimReverifyController {
  constructor(
    private readonly reverification: ReverificationService,
    private readonly views: VerdictViews,
  ) {}

  @Post(':id/reverify')
  @HttpCode(202)
  @Access({
    roles: ['editor'],
    summary: 'Send a reviewed claim back for re-verification',
    description:
      'Puts the claim back on the review queue now (as the scheduled sweep does when its reverifyAt passes): it waits for a reviewer, its current verdict stays shown until a new one is given, and its reverifyAt is cleared. The next lease of it says it is a re-check. Only a reviewed claim can be sent back (409 otherwise).',
  })
  @ApiAcceptedResponse({
    type: ReviewClaimDto,
    description: 'The claim, waiting for review again.',
  })
  @ApiBadRequestResponse({
    description: 'id is not a UUID, or a query parameter was given.',
    type: ErrorDto,
  })
  @ApiNotFoundResponse({ description: 'No such claim.', type: ErrorDto })
  @ApiConflictResponse({
    description: 'The claim is not reviewed: it is waiting for review or in review already.',
    type: ErrorDto,
  })
  @ApiServiceUnavailableResponse({ description: 'Postgres is unreachable.', type: ErrorDto })
  async reverify(
    @UuidParam('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @NoQuery() _query: object,
  ): Promise<ReviewClaimDto> {
    await this.reverification.reverify(workflowActor(principal), id);
    return this.views.claim(id);
  }
}
