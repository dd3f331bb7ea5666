import type { Role } from '@claimtrail/persistence';
import type { CliIo } from '../cli-io';
import type { CliServices } from './cli-services';

export const CLI_ACTOR = 'cli';

/** `api-key create`: prints the new key once, with its id; only its hash is stored. */
export async function createApiKey(
  services: CliServices,
  name: string,
  role: Role,
  io: CliIo,
): Promise<void> {
  const keys = await services.apiKeys();
  const { key, secret } = await keys.create(name, role, CLI_ACTOR);
  io.stdout(`id: ${key.id}\nname: ${key.name}\nrole: ${key.role}\nkey: ${secret}\n`);
  io.stderr('Store the key now: it is not shown again.\n');
}
