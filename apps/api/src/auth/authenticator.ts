import { Injectable } from '@nestjs/common';
import { ApiKeyService, hashKey, type Principal } from '@claimtrail/ingest';

/** How long a successful lookup is trusted without asking Postgres again. */
export const AUTH_CACHE_TTL_MS = 30_000;
const MAX_CACHED = 10_000;

/**
 * Authenticates API keys with a short in-memory cache of successful lookups, keyed by the
 * key's SHA-256 (the key itself is never kept). A key revoked through this process is
 * dropped at once; one revoked elsewhere stops working within the TTL.
 */
@Injectable()
export class Authenticator {
  private readonly cache = new Map<string, { principal: Principal; expiresAt: number }>();

  constructor(private readonly keys: ApiKeyService) {}

  async authenticate(secret: string): Promise<Principal | null> {
    const hash = hashKey(secret);
    const now = Date.now();
    const hit = this.cache.get(hash);
    if (hit && hit.expiresAt > now) return hit.principal;
    if (hit) this.cache.delete(hash);
    const principal = await this.keys.authenticate(secret);
    if (!principal) return null;
    if (this.cache.size >= MAX_CACHED) {
      // Maps iterate in insertion order: drop the oldest entry
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(hash, { principal, expiresAt: now + AUTH_CACHE_TTL_MS });
    return principal;
  }

  /** Forgets every cached lookup of the key with this id (after it is revoked). */
  forget(apiKeyId: string): void {
    for (const [hash, entry] of this.cache)
      if (entry.principal.id === apiKeyId) this.cache.delete(hash);
  }
}
