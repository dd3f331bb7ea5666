import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AuditLog } from '@claimtrail/audit';
import { ApiKeyService } from '@claimtrail/ingest';
import { createDataSource } from '@claimtrail/persistence';
import { StartError } from './start-error';

export interface AdminKey {
  key: string;
  /**
   * env: ADMIN_API_KEY; file: saved by an earlier start; created: made by this start;
   * replaced: made by this start because the saved one no longer works.
   */
  origin: 'env' | 'file' | 'created' | 'replaced';
}

/** API keys look like `ct_` and 32 base64url characters (libs/ingest ApiKeyService). */
const KEY_PATTERN = /\bct_[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])/;

/** The key in the output of `cli api-key create`, whatever else that output says. */
export function parseCreatedKey(output: string): string {
  const match = KEY_PATTERN.exec(output);
  if (!match) throw new StartError(`could not find the new API key in:\n${output.trim()}`);
  return match[0];
}

/** Writes the key readable by its owner only (the directory too); replaces what is there. */
export function saveKey(file: string, key: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  // the mode above only applies to a new file (and passes through the umask)
  chmodSync(file, 0o600);
}

function readKey(file: string): string {
  const key = readFileSync(file, 'utf8').trim();
  if (!key) throw new StartError(`${file} is empty: delete it and start again for a new key`);
  // a copy or an editor may have loosened the mode; a secret stays owner-only
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return key;
}

/**
 * The admin key to print: ADMIN_API_KEY when set (the API makes sure it exists), else the
 * key saved by an earlier start while it still works, else a new one made with `create` and
 * saved to `file`. A saved key stops working when it is revoked or the database is new.
 */
export async function resolveAdminKey(options: {
  envKey: string | undefined;
  file: string;
  create: () => Promise<string>;
  stillWorks: (key: string) => Promise<boolean>;
}): Promise<AdminKey> {
  if (options.envKey) return { key: options.envKey, origin: 'env' };
  const saved = existsSync(options.file) ? readKey(options.file) : undefined;
  if (saved !== undefined && (await options.stillWorks(saved)))
    return { key: saved, origin: 'file' };
  const key = await options.create();
  saveKey(options.file, key);
  return { key, origin: saved === undefined ? 'created' : 'replaced' };
}

/** Whether `key` is a live admin key in the database at `databaseUrl`. */
export async function isAdminKey(databaseUrl: string, key: string): Promise<boolean> {
  const db = createDataSource(databaseUrl, 1);
  await db.initialize();
  try {
    const principal = await new ApiKeyService(db, new AuditLog()).authenticate(key);
    return principal?.role === 'admin';
  } finally {
    await db.destroy();
  }
}
