import { AuditLog } from '@claimtrail/audit';
import { ApiKeyService } from '@claimtrail/ingest';
import { AUTH_CACHE_TTL_MS, Authenticator } from '../src/auth/authenticator';
import { apiKeyFrom } from '../src/auth/credentials';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';

describe('API key authentication', () => {
  let db: TestDatabase;
  let keys: ApiKeyService;

  beforeAll(async () => {
    db = await createTestDatabase('api-authenticator');
    keys = new ApiKeyService(db.dataSource, new AuditLog());
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await db?.drop();
  });

  it('trusts a successful lookup for the TTL, then asks Postgres again', async () => {
    const auth = new Authenticator(keys);
    const lookups = jest.spyOn(keys, 'authenticate');
    const { key, secret } = await keys.create('desk', 'reviewer', 'system:test');
    expect(await auth.authenticate(secret)).toEqual({ id: key.id, name: 'desk', role: 'reviewer' });
    expect(await auth.authenticate(secret)).toMatchObject({ id: key.id });
    expect(lookups).toHaveBeenCalledTimes(1);

    // revoked by another process: still trusted until the entry expires
    await keys.revoke(key.id, 'system:test');
    expect(await auth.authenticate(secret)).toMatchObject({ id: key.id });
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + AUTH_CACHE_TTL_MS + 1);
    expect(await auth.authenticate(secret)).toBeNull();
    expect(lookups).toHaveBeenCalledTimes(2);
    jest.spyOn(Date, 'now').mockRestore();
  });

  it('forgets a key revoked in this process at once, and never caches a failure', async () => {
    const auth = new Authenticator(keys);
    const lookups = jest.spyOn(keys, 'authenticate');
    lookups.mockClear();
    const { key, secret } = await keys.create('desk 2', 'editor', 'system:test');
    await auth.authenticate(secret);
    await keys.revoke(key.id, 'system:test');
    auth.forget(key.id);
    expect(await auth.authenticate(secret)).toBeNull();
    expect(await auth.authenticate(secret)).toBeNull();
    expect(lookups).toHaveBeenCalledTimes(3);
  });

  it('reads a key from Bearer, and from Basic only where allowed', () => {
    const basic = (s: string) => `Basic ${Buffer.from(s).toString('base64')}`;
    expect(apiKeyFrom('Bearer ct_abc')).toBe('ct_abc');
    expect(apiKeyFrom('bearer   ct_abc ')).toBe('ct_abc');
    expect(apiKeyFrom('Bearer a b')).toBeUndefined();
    expect(apiKeyFrom(undefined)).toBeUndefined();
    expect(apiKeyFrom(['Bearer x'])).toBeUndefined();
    expect(apiKeyFrom(basic('admin:ct_abc'))).toBeUndefined();
    expect(apiKeyFrom(basic('admin:ct_abc'), true)).toBe('ct_abc');
    expect(apiKeyFrom(basic(':ct:with:colons'), true)).toBe('ct:with:colons');
    expect(apiKeyFrom(basic('admin'), true)).toBeUndefined();
    expect(apiKeyFrom(basic('admin:'), true)).toBeUndefined();
  });
});
