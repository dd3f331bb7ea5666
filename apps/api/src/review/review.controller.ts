import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { Principal } from '@claimtrail/ingest';
import { LeaseService, reviewStats, VerdictService, VerdictViews } from '@claimtrail/workflow';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { Access } from '../auth/roles.decorator';
import { READERS } from '../auth/roles';
import { ErrorDto } from '../common/error.dto';
import { NoQuery } from '../common/no-query';
import { UuidParam } from '../common/uuid-param';
import { LeaseRequestDto, LeaseTokenDto, VerdictRequestDto } from './review-request.dto';
import { HeartbeatDto, LeaseDto, ReviewClaimDto, ReviewStatsDto } from './review-response.dto';
import { workflowActor } from './workflow-actor';

const LOST = 'The lease is lost: it ran out, was released, or the claim was leased again.';

@ApiTags('review')
@ApiServiceUnavailableResponse({ description: 'Postgres or Redis is unreachable.', type: ErrorDto })
@Controller('review')
export class ReviewController {
  constructor(
    private readonly leases: LeaseService,
    private readonly verdicts: VerdictService,
    private readonly views: VerdictViews,
    private readonly db: DataSource,
  ) {}

  @Post('lease')
  @HttpCode(200)
  @Access({
    roles: ['reviewer'],
    summary: 'Lease the next claim to review',
    description:
      'Hands the caller the highest-priority waiting claim (the most check-worthy first), optionally only of a language or a desk; claims assigned to the caller come first, whatever the filter. The claim is leased to the caller alone until the lease ends: a verdict, a release, or no heartbeat for REVIEW_LEASE_MS (the claim then waits for someone else).',
  })
  @ApiBody({ type: LeaseRequestDto, required: false })
  @ApiOkResponse({ type: LeaseDto, description: 'A claim, leased to the caller.' })
  @ApiNoContentResponse({ description: 'No claim is waiting (for this filter).' })
  @ApiBadRequestResponse({ description: 'language or desk is invalid.', type: ErrorDto })
  async lease(
    @Body() body: LeaseRequestDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
    @NoQuery() _query: object,
  ): Promise<LeaseDto | undefined> {
    const grant = await this.leases.lease(workflowActor(principal), body);
    if (!grant) {
      void reply.status(204);
      return undefined;
    }
    return {
      claim: await this.views.leased(grant.claimId, grant.currentVerdictId),
      lease: { token: grant.token, expiresAt: grant.expiresAt.toISOString() },
      // a claim judged before is back for re-verification
      ...(grant.currentVerdictId
        ? {
            recheck: { previousVerdictId: grant.currentVerdictId, reason: grant.recheckReason },
          }
        : {}),
    };
  }

  @Post(':claimId/heartbeat')
  @HttpCode(200)
  @Access({
    roles: ['reviewer'],
    summary: 'Extend a lease',
    description: 'The lease then ends REVIEW_LEASE_MS from now unless extended again.',
  })
  @ApiBody({ type: LeaseTokenDto })
  @ApiOkResponse({ type: HeartbeatDto })
  @ApiBadRequestResponse({ description: 'claimId or token is not a UUID.', type: ErrorDto })
  @ApiNotFoundResponse({ description: 'No such claim.', type: ErrorDto })
  @ApiConflictResponse({ description: LOST, type: ErrorDto })
  async heartbeat(
    @UuidParam('claimId') claimId: string,
    @Body() body: LeaseTokenDto,
    @NoQuery() _query: object,
  ): Promise<HeartbeatDto> {
    const expiresAt = await this.leases.heartbeat(claimId, body.token);
    return { expiresAt: expiresAt.toISOString() };
  }

  @Post(':claimId/release')
  @HttpCode(204)
  @Access({
    roles: ['reviewer'],
    summary: 'Give a leased claim back',
    description: 'The claim waits again, for anyone (or for its assignee, if it has one).',
  })
  @ApiBody({ type: LeaseTokenDto })
  @ApiNoContentResponse({ description: 'Released: the claim is waiting again.' })
  @ApiBadRequestResponse({ description: 'claimId or token is not a UUID.', type: ErrorDto })
  @ApiNotFoundResponse({ description: 'No such claim.', type: ErrorDto })
  @ApiConflictResponse({ description: LOST, type: ErrorDto })
  async release(
    @UuidParam('claimId') claimId: string,
    @Body() body: LeaseTokenDto,
    @CurrentPrincipal() principal: Principal,
    @NoQuery() _query: object,
  ): Promise<void> {
    await this.leases.release(workflowActor(principal), claimId, body.token);
  }

  @Post(':claimId/verdict')
  @HttpCode(200)
  @Access({
    roles: ['reviewer'],
    summary: 'Give the verdict on a leased claim',
    description:
      'Records the verdict (appended to the claim’s history), marks the claim reviewed and ends the lease. Nothing is written when the lease is lost (409).',
  })
  @ApiBody({ type: VerdictRequestDto })
  @ApiOkResponse({ type: ReviewClaimDto, description: 'The claim, reviewed, with its verdict.' })
  @ApiBadRequestResponse({
    description:
      'A field is missing or invalid (the message names it); rationale missing when it is required.',
    type: ErrorDto,
  })
  @ApiNotFoundResponse({ description: 'No such claim.', type: ErrorDto })
  @ApiConflictResponse({ description: LOST, type: ErrorDto })
  async verdict(
    @UuidParam('claimId') claimId: string,
    @Body() body: VerdictRequestDto,
    @CurrentPrincipal() principal: Principal,
    @NoQuery() _query: object,
  ): Promise<ReviewClaimDto> {
    const verdict = await this.verdicts.submit(workflowActor(principal), claimId, body.token, {
      attribution: body.attribution,
      veracity: body.veracity,
      rationale: body.rationale ?? null,
      evidence: (body.evidence ?? []).map((e) => ({
        url: e.url,
        ...(e.note !== undefined ? { note: e.note } : {}),
      })),
      reverifyAt: body.reverifyAt ? new Date(body.reverifyAt) : null,
    });
    return this.views.reviewed(verdict);
  }

  @Get('stats')
  @Access({
    roles: [...READERS],
    summary: 'Numbers for the review desk',
    description:
      'Claims waiting, leased and reviewed, overall and per language, and how long the oldest waiting claim has waited. A read: open to every role.',
  })
  @ApiOkResponse({ type: ReviewStatsDto })
  @ApiBadRequestResponse({ description: 'A query parameter was given.', type: ErrorDto })
  stats(@NoQuery() _query: object): Promise<ReviewStatsDto> {
    return reviewStats(this.db);
  }
}
