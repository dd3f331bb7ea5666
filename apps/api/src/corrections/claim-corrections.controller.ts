import { Body, Controller, Patch } from '@nestjs/common';
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
import { ClaimCorrectionService, VerdictViews } from '@claimtrail/workflow';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { Access } from '../auth/roles.decorator';
import { ErrorDto } from '../common/error.dto';
import { NoQuery } from '../common/no-query';
import { UuidParam } from '../common/uuid-param';
import { ReviewClaimDto } from '../review/review-response.dto';
import { workflowActor } from '../review/workflow-actor';
import { CorrectClaimDto, StaleVersionErrorDto } from './correction.dto';

/** Editors' corrections of a claim (the claim reads live in ClaimsController). */
@ApiTags('claims')
@Controller('claims')
export class ClaimCorrectionsController {
  constructor(
    private readonly corrections: ClaimCorrectionService,
    private readonly views: VerdictViews,
  ) {}

  @Patch(':id')
  @Access({
    roles: ['editor'],
    summary: 'Correct a claim',
    description:
      'Changes who made the claim (`sources`), who relayed it (`via`), its span in the article (`start`, `end`: its text is cut from the article again) or its `type`; the fields not given stay. A new reference’s mention is how the article writes the source nearest the claim (its name when the article never does). The claim’s review is not affected: its status, verdict, check-worthiness, sentence and cue stay. Optimistic locking: `version` must be the claim’s current version, which the correction raises by one. Recorded in the audit log as `claim.corrected`, with the fields before and after.',
  })
  @ApiBody({ type: CorrectClaimDto })
  @ApiOkResponse({ type: ReviewClaimDto, description: 'The claim, corrected (version + 1).' })
  @ApiBadRequestResponse({
    description:
      'A field is invalid, the span does not fit the article, a source id names no source, or nothing would change; the message names the field.',
    type: ErrorDto,
  })
  @ApiNotFoundResponse({ description: 'No such claim.', type: ErrorDto })
  @ApiConflictResponse({
    description: 'The claim changed since that version: `currentVersion` is its version now.',
    type: StaleVersionErrorDto,
  })
  @ApiServiceUnavailableResponse({ description: 'Postgres is unreachable.', type: ErrorDto })
  async correct(
    @UuidParam('id') id: string,
    @Body() body: CorrectClaimDto,
    @CurrentPrincipal() principal: Principal,
    @NoQuery() _query: object,
  ): Promise<ReviewClaimDto> {
    await this.corrections.correct(workflowActor(principal), id, {
      version: body.version,
      sources: body.sources,
      via: body.via,
      start: body.start,
      end: body.end,
      type: body.type,
    });
    return this.views.claim(id);
  }
}
