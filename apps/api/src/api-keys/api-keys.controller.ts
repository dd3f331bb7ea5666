import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiKeyService, cursor as keysetCursor, type Principal } from '@claimtrail/ingest';
import type { ApiKeyEntity } from '@claimtrail/persistence';
import { Authenticator } from '../auth/authenticator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { Access } from '../auth/roles.decorator';
import { actorOf } from '../auth/roles';
import { ErrorDto } from '../common/error.dto';
import { NoQuery } from '../common/no-query';
import { UuidParam } from '../common/uuid-param';
import {
  ApiKeyCreatedDto,
  ApiKeyDto,
  ApiKeyPageDto,
  ApiKeyQueryDto,
  CreateApiKeyDto,
} from './api-key.dto';

const toView = (k: ApiKeyEntity): ApiKeyDto => ({
  id: k.id,
  name: k.name,
  role: k.role,
  prefix: k.keyPrefix,
  createdAt: k.createdAt.toISOString(),
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

@ApiTags('api-keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(
    private readonly keys: ApiKeyService,
    private readonly authenticator: Authenticator,
  ) {}

  @Post()
  @Access({ roles: ['admin'], summary: 'Create an API key (the key is shown once)' })
  @ApiBody({ type: CreateApiKeyDto })
  @ApiCreatedResponse({ type: ApiKeyCreatedDto })
  @ApiBadRequestResponse({ description: 'name or role missing or invalid.', type: ErrorDto })
  async create(
    @Body() body: CreateApiKeyDto,
    @CurrentPrincipal() principal: Principal,
    @NoQuery() _query: object,
  ): Promise<ApiKeyCreatedDto> {
    const { key, secret } = await this.keys.create(body.name, body.role, actorOf(principal));
    return { id: key.id, name: key.name, role: key.role, key: secret };
  }

  @Get()
  @Access({ roles: ['admin'], summary: 'List API keys (never the keys themselves)' })
  @ApiOkResponse({ type: ApiKeyPageDto })
  @ApiBadRequestResponse({ description: 'An invalid limit or cursor.', type: ErrorDto })
  async list(@Query() query: ApiKeyQueryDto): Promise<ApiKeyPageDto> {
    // a deployment has a handful of keys: page the ordered list in memory
    const all = (await this.keys.list())
      .map(toView)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    let start = 0;
    if (query.cursor) {
      const [at, id] = keysetCursor.decode(query.cursor);
      start = all.findIndex((k) => k.createdAt > at || (k.createdAt === at && k.id > id));
      if (start < 0) start = all.length;
    }
    const items = all.slice(start, start + query.limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        start + query.limit < all.length && last
          ? keysetCursor.encode(last.createdAt, last.id)
          : null,
    };
  }

  @Delete(':id')
  @HttpCode(204)
  @Access({ roles: ['admin'], summary: 'Revoke an API key' })
  @ApiNoContentResponse({ description: 'Revoked (again: still 204).' })
  @ApiBadRequestResponse({ description: 'id is not a UUID.', type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async revoke(
    @UuidParam('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @NoQuery() _query: object,
  ): Promise<void> {
    await this.keys.revoke(id, actorOf(principal));
    this.authenticator.forget(id);
  }
}
