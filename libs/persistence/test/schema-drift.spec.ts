import { createTestDatabase, type TestDatabase } from '../../../test/support/database';

/**
 * The schema comes from migrations only (synchronize is off); the entities must describe
 * exactly that schema. This asks TypeORM what it would change to make the database match
 * the entities, as `typeorm migration:generate --check` does, and expects nothing.
 */
describe('entities and migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('schema-drift');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('do not drift apart', async () => {
    const pending = await db.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('leave no migration pending on a migrated database', async () => {
    expect(await db.dataSource.showMigrations()).toBe(false);
  });
});
