import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ClaimReadCache, ReadService } from '@claimtrail/ingest';
import { READERS } from '../auth/roles';
import { ErrorDto } from '../common/error.dto';
import { NoQuery } from '../common/no-query';
import { UuidParam } from '../common/uuid-param';
import { CachedRead, failedClaimRead, listCacheKey } from '../read-cache/cached-read';
import { ClaimDetails } from './claim-details';
import { ClaimDetailDto, ClaimPageDto, ClaimQueryDto } from './claim.dto';

/**
 * The claim reads. Their answers are the same for every role that may read, so they are
 * cached by what was asked alone and sent as the JSON bytes kept (see ClaimReadCache). A
 * kept answer, and a claim read by a valid id, are sent before Nest's pipeline (see
 * CachedRead): these handlers answer the rest, and every error.
 */
@ApiTags('claims')
@Controller('claims')
export class ClaimsController {
  constructor(
    private readonly read: ReadService,
    private readonly cache: ClaimReadCache,
    private readonly details: ClaimDetails,
  ) {}

  @Get()
  @CachedRead('claimList', { roles: [...READERS], summary: 'List claims, oldest first' })
  @ApiOkResponse({ type: ClaimPageDto })
  @ApiBadRequestResponse({
    description:
      'An unknown or invalid filter, limit or cursor. veracity and attribution filter by the current verdict.',
    type: ErrorDto,
  })
  list(
    @Query() query: ClaimQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { limit, cursor, ...filter } = query;
    return asJson(
      reply,
      // kept under the query string as sent, which the hook before Nest can read
      this.cache.list(listCacheKey(reply.request), () => this.read.claims(filter, limit, cursor)),
    );
  }

  @Get(':id')
  @CachedRead('claim', {
    roles: [...READERS],
    summary: 'One claim with its verdict history and similar claims',
  })
  @ApiOkResponse({ type: ClaimDetailDto })
  @ApiBadRequestResponse({ description: 'id is not a UUID.', type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  get(
    @UuidParam('id') id: string,
    @NoQuery() _query: object,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    // tried before Nest already (see serveCachedReads): its error is the answer
    const failed = failedClaimRead(reply.request);
    if (failed) throw failed.error;
    return asJson(reply, this.details.answer(id));
  }
}

/** Sends serialised JSON as it is: Fastify sends bytes with a content type unchanged. */
async function asJson(reply: FastifyReply, answer: Promise<Buffer>): Promise<Buffer> {
  const bytes = await answer;
  void reply.type('application/json; charset=utf-8');
  return bytes;
}
