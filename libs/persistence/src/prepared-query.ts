import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs `text` as a named prepared statement on the data source's pg pool. Each pooled
 * connection parses and plans it once and then only binds and executes it; TypeORM's
 * `query()` sends every statement unnamed, so Postgres plans it anew every time, which
 * for short lookups costs more than running them. The name is derived from the text, so
 * one text always has one name (pg refuses a name reused with another text).
 */
export async function preparedQuery<T>(
  db: DataSource,
  text: string,
  values: unknown[],
): Promise<T[]> {
  // not connected (yet, or any more): TypeORM's own query raises the error callers expect
  if (!db.isInitialized) return db.query<T[]>(text, values);
  const pool = (db.driver as PostgresDriver).master as Pool;
  const result = await pool.query({ name: statementName(text), text, values });
  return result.rows as T[];
}

/**
 * preparedQuery in a transaction: the statement runs on the transaction's own connection
 * (`tx` is the manager `DataSource.transaction` hands its callback).
 */
export async function preparedQueryIn<T>(
  tx: EntityManager,
  text: string,
  values: unknown[],
): Promise<T[]> {
  if (!tx.queryRunner) throw new Error('preparedQueryIn runs in a transaction only');
  const client = (await tx.queryRunner.connect()) as PoolClient;
  const result = await client.query({ name: statementName(text), text, values });
  return result.rows as T[];
}

// the texts come from code (a few filter combinations), so this map stays small
const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `ct_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}
