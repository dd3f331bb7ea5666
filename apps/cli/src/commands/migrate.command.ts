import { Client } from 'pg';
import { endpointOf, type AppConfig } from '@claimtrail/config';
import type { CliIo } from '../cli-io';
import { messageOf, openDatabase, CommandError } from './cli-services';

/** Serialises concurrent `migrate` runs (npm start and a deploy, say) on one database. */
const MIGRATE_LOCK = 72_110_003;
const DUPLICATE_DATABASE = '42P04';

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Creates the database named in `url` unless it exists, through the server's `postgres`
 * database. Returns whether it was created.
 */
export async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) throw new CommandError('DATABASE_URL names no database');
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new Client({ connectionString: server.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    throw new CommandError(
      `cannot reach Postgres at ${endpointOf(server.toString())}: ${messageOf(e)}`,
    );
  }
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
      return true;
    } catch (e) {
      // another migrate created it in the meantime
      if ((e as { code?: string }).code === DUPLICATE_DATABASE) return false;
      throw new CommandError(`cannot create database ${name}: ${messageOf(e)}`);
    }
  } finally {
    await client.end();
  }
}

/** `migrate`: creates the database if needed and applies the pending migrations. */
export async function migrate(config: AppConfig, io: CliIo): Promise<void> {
  const where = endpointOf(config.databaseUrl);
  if (await ensureDatabase(config.databaseUrl)) io.stdout(`created database ${where}\n`);
  const db = await openDatabase(config.databaseUrl, 2);
  const lock = db.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK]);
    const applied = await db.runMigrations({ transaction: 'each' }).catch((e: unknown) => {
      throw new CommandError(`migration failed on ${where}: ${messageOf(e)}`);
    });
    for (const m of applied) io.stdout(`applied ${m.name}\n`);
    if (applied.length === 0) io.stdout(`${where} is up to date\n`);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK]).catch(() => undefined);
    await lock.release();
    await db.destroy();
  }
}
