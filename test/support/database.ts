import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, MIGRATIONS } from '@claimtrail/persistence';

/**
 * Each test file gets its own database, cloned from a template that holds the migrated
 * schema; the template is rebuilt when the migrations change (names or code). Postgres is the real one on
 * this machine (TEST_DATABASE_ADMIN_URL to point elsewhere).
 */
const ADMIN_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TEMPLATE = 'claimtrail_test_template';
const TEMPLATE_LOCK = 72_110_002;

const migrationsFingerprint = (): string =>
  createHash('sha256')
    // the classes' source, not only their names: a migration edited during development
    // rebuilds the template too
    .update(MIGRATIONS.map((m) => `${m.name}\n${m.toString()}`).join('\n'))
    .digest('hex')
    .slice(0, 16);

function urlFor(database: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function ensureTemplate(): Promise<void> {
  const fingerprint = migrationsFingerprint();
  await admin(async (c) => {
    await c.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const found = await c.query<{ comment: string | null }>(
        `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
        [TEMPLATE],
      );
      if (found.rows[0]?.comment === fingerprint) return;
      if (found.rows.length > 0) {
        await c.query(`ALTER DATABASE ${TEMPLATE} IS_TEMPLATE false`);
        await c.query(`DROP DATABASE ${TEMPLATE} WITH (FORCE)`);
      }
      await c.query(`CREATE DATABASE ${TEMPLATE}`);
      const ds = createDataSource(urlFor(TEMPLATE), 1);
      await ds.initialize();
      await ds.runMigrations();
      await ds.destroy();
      await c.query(`ALTER DATABASE ${TEMPLATE} IS_TEMPLATE true`);
      await c.query(`COMMENT ON DATABASE ${TEMPLATE} IS '${fingerprint}'`);
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
}

export interface TestDatabase {
  name: string;
  url: string;
  /** A connected data source on the test database. */
  dataSource: DataSource;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  await ensureTemplate();
  const name = `claimtrail_test_${label
    .replace(/[^a-z0-9]+/gi, '_')
    .toLowerCase()
    .slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`));
  const url = urlFor(name);
  const dataSource = createDataSource(url, 5);
  await dataSource.initialize();
  return {
    name,
    url,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
