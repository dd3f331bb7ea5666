import { AuditLog } from '@claimtrail/audit';
import { loadConfig } from '@claimtrail/config';
import { ApiKeyService } from '@claimtrail/ingest';
import { ensureAdminKey } from '../src/bootstrap';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';

describe('the first start', () => {
  let db: TestDatabase;
  let keys: ApiKeyService;

  beforeEach(async () => {
    db = await createTestDatabase('api-bootstrap');
    keys = new ApiKeyService(db.dataSource, new AuditLog());
  });
  afterEach(async () => {
    await db.drop();
  });

  it('creates an admin key and prints it once when there is none', async () => {
    const printed: string[] = [];
    await ensureAdminKey(keys, loadConfig({}), (line) => printed.push(line));
    await ensureAdminKey(keys, loadConfig({}), (line) => printed.push(line));
    expect(printed).toHaveLength(1);
    const secret = /shown once\): (ct_\S+)/.exec(printed[0]!)?.[1];
    expect(await keys.authenticate(secret!)).toMatchObject({ role: 'admin' });
  });

  it('makes ADMIN_API_KEY an admin key and prints nothing', async () => {
    const printed: string[] = [];
    const config = loadConfig({ ADMIN_API_KEY: 'automation-admin-key-0123456789' });
    await ensureAdminKey(keys, config, (line) => printed.push(line));
    await ensureAdminKey(keys, config, (line) => printed.push(line));
    expect(printed).toEqual([]);
    expect(await keys.authenticate('automation-admin-key-0123456789')).toMatchObject({
      role: 'admin',
    });
    expect(await keys.list()).toHaveLength(1);
  });
});
