import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type AppConfig } from '@claimtrail/config';
import { ApiKeyService } from '@claimtrail/ingest';
import { ROLES, type Role } from '@claimtrail/persistence';
import { createApiApp } from '../../src/create-api-app';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database';
import { obliterateQueues, TEST_REDIS_URL, testQueuePrefix } from '../../../../test/support/queues';

export interface ApiHarness {
  app: NestFastifyApplication;
  db: TestDatabase;
  config: AppConfig;
  /** One live key per role. */
  keys: Record<Role, string>;
  keyIds: Record<Role, string>;
  /** `app.inject` with a role's bearer key (or none). */
  call(role: Role | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * The real API on a database and a queue prefix of its own, with a key for every role made
 * through ApiKeyService as an operator would.
 */
export async function startApi(
  label: string,
  overrides: Partial<AppConfig> = {},
): Promise<ApiHarness> {
  const db = await createTestDatabase(label);
  const config: AppConfig = {
    ...loadConfig({}),
    databaseUrl: db.url,
    redisUrl: TEST_REDIS_URL,
    queuePrefix: testQueuePrefix(label),
    logLevel: 'silent',
    ...overrides,
  };
  let app: NestFastifyApplication;
  try {
    app = await createApiApp(config, { logger: false });
  } catch (e) {
    await db.drop();
    throw e;
  }
  const service = app.get(ApiKeyService);
  const keys = {} as Record<Role, string>;
  const keyIds = {} as Record<Role, string>;
  for (const role of ROLES) {
    const { key, secret } = await service.create(`test ${role}`, role, 'system:test');
    keys[role] = secret;
    keyIds[role] = key.id;
  }
  return {
    app,
    db,
    config,
    keys,
    keyIds,
    call(role, options) {
      const headers = { ...(options.headers ?? {}) };
      if (role) headers.authorization = `Bearer ${keys[role]}`;
      return app.inject({ ...options, headers });
    },
    async close() {
      await app.close();
      await obliterateQueues(config.queuePrefix);
      await db.drop();
    },
  };
}
