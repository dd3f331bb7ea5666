import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@claimtrail/audit';
import { ApiKeyEntity, type Role } from '@claimtrail/persistence';
import { DomainError } from './domain-error';

const KEY_PREFIX = 'ct_';

/** SHA-256 of a key, as stored (crypto.hash: one call, no Hash object; every request makes one). */
export const hashKey = (key: string): string => hash('sha256', key, 'hex');

export interface Principal {
  id: string;
  name: string;
  role: Role;
}

/** API keys: random, shown once, stored as SHA-256 hashes, revocable. */
export class ApiKeyService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async create(
    name: string,
    role: Role,
    actor: string,
    key = `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`,
  ): Promise<{ key: ApiKeyEntity; secret: string }> {
    const created = await this.db.transaction(async (tx) => {
      const row = tx
        .getRepository(ApiKeyEntity)
        .create({ name, role, keyHash: hashKey(key), keyPrefix: key.slice(0, 8) });
      const saved = await tx.getRepository(ApiKeyEntity).save(row);
      await this.audit.append(tx, [
        {
          actor,
          action: 'api_key.created',
          entityType: 'api_key',
          entityId: saved.id,
          after: { name, role, prefix: saved.keyPrefix },
        },
      ]);
      return saved;
    });
    return { key: created, secret: key };
  }

  /**
   * Makes sure an admin key with exactly this value exists (ADMIN_API_KEY, for automation).
   * Returns whether it had to be created.
   */
  async ensureAdmin(secret: string): Promise<boolean> {
    const existing = await this.db
      .getRepository(ApiKeyEntity)
      .findOneBy({ keyHash: hashKey(secret) });
    if (existing && !existing.revokedAt && existing.role === 'admin') return false;
    if (existing)
      throw new DomainError(
        'conflict',
        'ADMIN_API_KEY matches a key that is revoked or not an admin key',
      );
    await this.create('admin (from ADMIN_API_KEY)', 'admin', 'system:bootstrap', secret);
    return true;
  }

  async hasAdmin(): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `SELECT 1 FROM api_keys WHERE role = 'admin' AND revoked_at IS NULL LIMIT 1`,
    );
    return rows.length > 0;
  }

  async authenticate(secret: string): Promise<Principal | null> {
    if (!secret.startsWith(KEY_PREFIX) && secret.length < 16) return null;
    const hash = hashKey(secret);
    const row = await this.db.getRepository(ApiKeyEntity).findOneBy({ keyHash: hash });
    if (!row || row.revokedAt) return null;
    // the lookup is by hash; compare again in constant time for good measure
    if (!timingSafeEqual(Buffer.from(row.keyHash), Buffer.from(hash))) return null;
    return { id: row.id, name: row.name, role: row.role };
  }

  async list(): Promise<ApiKeyEntity[]> {
    return this.db.getRepository(ApiKeyEntity).find({ order: { createdAt: 'ASC' } });
  }

  async revoke(id: string, actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await tx.getRepository(ApiKeyEntity).findOneBy({ id });
      if (!row) throw new DomainError('not_found', `API key ${id} not found`);
      if (row.revokedAt) return;
      await tx.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [id]);
      await this.audit.append(tx, [
        {
          actor,
          action: 'api_key.revoked',
          entityType: 'api_key',
          entityId: id,
          before: { revoked: false },
          after: { revoked: true },
        },
      ]);
    });
  }
}
