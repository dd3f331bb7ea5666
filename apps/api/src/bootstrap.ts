import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig, type AppConfig } from '@claimtrail/config';
import { ApiKeyService } from '@claimtrail/ingest';
import { createApiApp } from './create-api-app';

/**
 * Makes sure an admin can get in: ADMIN_API_KEY becomes an admin key; without it, the first
 * start creates one and prints it once (the only time a key is written out).
 */
export async function ensureAdminKey(
  keys: ApiKeyService,
  config: AppConfig,
  print: (line: string) => void,
): Promise<void> {
  if (config.adminApiKey) {
    await keys.ensureAdmin(config.adminApiKey);
    return;
  }
  if (await keys.hasAdmin()) return;
  const { secret } = await keys.create('first admin', 'admin', 'system:bootstrap');
  print(`claimtrail: created the first admin API key (shown once): ${secret}\n`);
}

/** Starts the API from the environment: the `main` of apps/api. */
export async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`claimtrail api: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const app = await createApiApp(config);
  await ensureAdminKey(app.get(ApiKeyService), config, (line) => process.stdout.write(line));
  await app.listen({ port: config.port, host: '0.0.0.0' });
  new Logger('Api').log(`listening on http://127.0.0.1:${config.port} (docs at /docs)`);
}
