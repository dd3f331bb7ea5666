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
import { ClaimDetailDto, ClaimPageDto, ClaimQueryDto } from './claim.dto';

@ApiTags('claims')
@Controller('claims')
export class ClaimsController {
  constructor(private readonly read: ReadService) {}

  @Get()
  @Access({ roles: [...READERS], summary: 'List claims, oldest first' })
  @ApiOkResponse({ type: ClaimPageDto })
  @ApiBadRequestResponse({
    description: 'An unknown or invalid filter, limit or cursor.',
    type: ErrorDto,
  })
  list(@Query() query: ClaimQueryDto): Promise<ClaimPageDto> {
    const { limit, cursor, ...filter } = query;
    return this.read.claims(filter, limit, cursor);
  }

  @Get(':id')
  @Access({ roles: [...READERS], summary: 'One claim with its verdict history and similar claims' })
  @ApiOkResponse({ type: ClaimDetailDto })
  @ApiBadRequestResponse({ description: 'id is not a UUID.', type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async get(@UuidParam('id') id: string, @NoQuery() _query: object): Promise<ClaimDetailDto> {
    const claim = await this.read.claim(id);
    // verdicts and similarity arrive with the review workflow; until then both are empty
    return { ...claim, history: [], similar: [] };
  }
}
