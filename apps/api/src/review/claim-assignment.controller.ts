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
import type { Principal } from '@claimtrail/ingest';
import { AssignmentService, VerdictViews } from '@claimtrail/workflow';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { Access } from '../auth/roles.decorator';
import { ErrorDto } from '../common/error.dto';
import { NoQuery } from '../common/no-query';
import { UuidParam } from '../common/uuid-param';
import { AssignClaimDto } from './review-request.dto';
import { ReviewClaimDto } from './review-response.dto';
import { workflowActor } from './workflow-actor';

/** Assignment is part of the review workflow, under the claim it concerns. */
@ApiTags('claims')
@Controller('claims')
export class ClaimAssignmentController {
  constructor(
    private readonly assignments: AssignmentService,
    private readonly views: VerdictViews,
  ) {}

  @Post(':id/assign')
  @HttpCode(200)
  @Access({
    roles: ['editor'],
    summary: 'Assign a claim to a reviewer',
    description:
      'The claim goes to that reviewer’s next lease first. A claim under a lease keeps it; when the lease ends without a verdict, the claim waits for its assignee. A claim that is already reviewed cannot be assigned (409).',
  })
  @ApiBody({ type: AssignClaimDto })
  @ApiOkResponse({ type: ReviewClaimDto, description: 'The claim, assigned.' })
  @ApiBadRequestResponse({
    description:
      'id or apiKeyId is not a UUID, or apiKeyId is not a live key of a role that may review.',
    type: ErrorDto,
  })
  @ApiNotFoundResponse({ description: 'No such claim.', type: ErrorDto })
  @ApiConflictResponse({ description: 'The claim is already reviewed.', type: ErrorDto })
  @ApiServiceUnavailableResponse({ description: 'Postgres is unreachable.', type: ErrorDto })
  async assign(
    @UuidParam('id') id: string,
    @Body() body: AssignClaimDto,
    @CurrentPrincipal() principal: Principal,
    @NoQuery() _query: object,
  ): Promise<ReviewClaimDto> {
    await this.assignments.assign(workflowActor(principal), id, body.apiKeyId);
    return this.views.claim(id);
  }
}
