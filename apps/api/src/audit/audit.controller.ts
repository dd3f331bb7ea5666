import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditLog } from '@claimtrail/audit';
import { Access } from '../auth/roles.decorator';
import { ErrorDto } from '../common/error.dto';
import { NoQuery } from '../common/no-query';
import { auditCursor } from './audit-cursor';
import { AuditPageDto, AuditQueryDto, AuditVerifyDto } from './audit.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
  ) {}

  @Get()
  @Access({ roles: ['auditor'], summary: 'Audit events in sequence order' })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiBadRequestResponse({
    description: 'An unknown or invalid filter, limit or cursor.',
    type: ErrorDto,
  })
  async list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const { limit, cursor, from, to, ...filter } = query;
    const after = cursor ? auditCursor.decode(cursor) : 0;
    const rows = await this.audit.list(
      this.db,
      { ...filter, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined },
      after,
      limit + 1,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? auditCursor.encode(last.seq) : null,
    };
  }

  @Get('verify')
  @Access({
    roles: ['auditor'],
    summary: 'Recompute the hash chain',
    description: 'ok is false when an event was altered; firstBadSeq names the first one.',
  })
  @ApiOkResponse({ type: AuditVerifyDto })
  verify(@NoQuery() _query: object): Promise<AuditVerifyDto> {
    return this.audit.verify(this.db);
  }
}
