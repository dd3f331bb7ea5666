import { Controller, Get } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ReverificationStatus } from '@claimtrail/workflow';
import { READERS } from '../auth/roles';
import { Access } from '../auth/roles.decorator';
import { ErrorDto } from '../common/error.dto';
import { NoQuery } from '../common/no-query';
import { ReverificationStatusDto } from './reverification.dto';

@ApiTags('review')
@Controller('review')
export class ReverificationStatusController {
  constructor(private readonly status: ReverificationStatus) {}

  @Get('reverification')
  @Access({
    roles: [...READERS],
    summary: 'The re-verification policy, its schedule and the claims due',
    description:
      'When verdicts fall due by the policy, when the workers next sweep for due claims, how many are due now and which come next. A read: open to every role.',
  })
  @ApiOkResponse({ type: ReverificationStatusDto })
  @ApiBadRequestResponse({ description: 'A query parameter was given.', type: ErrorDto })
  @ApiServiceUnavailableResponse({
    description: 'Postgres or Redis is unreachable.',
    type: ErrorDto,
  })
  read(@NoQuery() _query: object): Promise<ReverificationStatusDto> {
    return this.status.read();
  }
}
