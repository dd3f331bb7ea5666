import { open } from 'node:fs/promises';
import { join } from 'node:path';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '@claimtrail/config';
import { EXPORT_FORMATS, ExportRecords, downloadName } from '@claimtrail/export';
import { DomainError, type Principal } from '@claimtrail/ingest';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { Access } from '../auth/roles.decorator';
import { actorOf } from '../auth/roles';
import { ErrorDto } from '../common/error.dto';
import { NoQuery } from '../common/no-query';
import { UuidParam } from '../common/uuid-param';
import { APP_CONFIG } from '../infrastructure/tokens';
import {
  CreateExportDto,
  ExportCreatedDto,
  ExportDto,
  ExportPageDto,
  ExportQueryDto,
} from './export.dto';
import { ExportQueue } from './export-queue';

@ApiTags('exports')
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly records: ExportRecords,
    private readonly queue: ExportQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(202)
  @Access({
    roles: ['auditor'],
    summary: 'Start an export',
    description:
      'The worker writes the file; follow it with GET /exports/:id and download it once done. Recorded in the audit log as `export.requested` (and `export.completed` or `export.failed`).',
  })
  @ApiBody({ type: CreateExportDto })
  @ApiAcceptedResponse({ type: ExportCreatedDto })
  @ApiBadRequestResponse({
    description:
      'An unknown kind, a from or to that is not an ISO 8601 date-time, or to before from.',
    type: ErrorDto,
  })
  @ApiServiceUnavailableResponse({ description: 'Postgres is unreachable.', type: ErrorDto })
  async create(
    @Body() body: CreateExportDto,
    @CurrentPrincipal() principal: Principal,
    @NoQuery() _query: object,
  ): Promise<ExportCreatedDto> {
    const view = await this.records.request(principal.id, actorOf(principal), body.kind, {
      from: body.from,
      to: body.to,
    });
    await this.queue.enqueue(view.id);
    return { id: view.id, status: view.status };
  }

  @Get()
  @Access({ roles: ['auditor'], summary: 'List exports, newest first' })
  @ApiOkResponse({ type: ExportPageDto })
  @ApiBadRequestResponse({ description: 'An invalid limit or cursor.', type: ErrorDto })
  list(@Query() query: ExportQueryDto): Promise<ExportPageDto> {
    return this.records.list(query.limit, query.cursor);
  }

  @Get(':id')
  @Access({
    roles: ['auditor'],
    summary: 'One export: its status, progress and, once done, its hash',
    description:
      'Status `expired`: the export was done, and its file was deleted once EXPORT_RETENTION had passed (`expiredAt`); its hash and chain head stay.',
  })
  @ApiOkResponse({ type: ExportDto })
  @ApiBadRequestResponse({ description: 'id is not a UUID.', type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  get(@UuidParam('id') id: string, @NoQuery() _query: object): Promise<ExportDto> {
    return this.records.get(id);
  }

  @Get(':id/download')
  @Access({
    roles: ['auditor'],
    summary: "Download an export's file",
    description:
      'Streamed: text/csv (audit-csv, claims-csv), application/x-ndjson (audit-jsonl) or application/ld+json (claimreview), as an attachment. `X-Content-SHA256` (hex) and `Repr-Digest` (RFC 9530) carry the SHA-256 recorded for the file.',
  })
  // the file's media types belong to the 200 alone (not @ApiProduces, which would give them to
  // every answer): the errors are JSON like everywhere else
  @ApiOkResponse({
    description: 'The file.',
    content: Object.fromEntries(
      ['text/csv', 'application/x-ndjson', 'application/ld+json'].map((type) => [
        type,
        { schema: { type: 'string', format: 'binary' } },
      ]),
    ),
    headers: {
      'X-Content-SHA256': { description: 'SHA-256 of the file, hex.', schema: { type: 'string' } },
      'Repr-Digest': { description: 'sha-256=:<base64>:', schema: { type: 'string' } },
      'Content-Disposition': { schema: { type: 'string' } },
    },
  })
  @ApiBadRequestResponse({ description: 'id is not a UUID.', type: ErrorDto })
  @ApiNotFoundResponse({
    description: 'No such export, or its file is not on this server.',
    type: ErrorDto,
  })
  @ApiConflictResponse({
    description: 'The export is not done yet (queued or running), or it failed.',
    type: ErrorDto,
  })
  @ApiGoneResponse({
    description:
      'The export expired: its file was deleted once EXPORT_RETENTION had passed. Start a new export.',
    type: ErrorDto,
  })
  async download(
    @UuidParam('id') id: string,
    @NoQuery() _query: object,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { view, file } = await this.records.file(id);
    let handle;
    try {
      handle = await open(join(this.config.exportDir, file), 'r');
    } catch (e) {
      if ((e as { code?: string }).code !== 'ENOENT') throw e;
      // the retention sweep may have deleted it since the status was read: 410 then, not 404
      await this.records.file(id);
      throw new DomainError(
        'not_found',
        `the file of export ${id} is not in EXPORT_DIR on this server`,
      );
    }
    const { size } = await handle.stat();
    const format = EXPORT_FORMATS[view.kind];
    void reply
      .header('content-type', format.contentType)
      .header('content-disposition', `attachment; filename="${downloadName(id, view.kind)}"`)
      .header('content-length', size)
      .header('x-content-sha256', view.sha256)
      .header('repr-digest', `sha-256=:${Buffer.from(view.sha256!, 'hex').toString('base64')}:`);
    return new StreamableFile(handle.createReadStream());
  }
}
