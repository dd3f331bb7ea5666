import type { DataSource, EntityManager } from 'typeorm';

/** Postgres NOTIFY channel announcing that claims (or what their read views show) changed. */
export const CLAIMS_CHANGED_CHANNEL = 'claimtrail_claims_changed';

/**
 * Payload meaning "anything may have changed": sent when no ids are given or when the id list would
 * not fit in a NOTIFY payload (Postgres limits it to 8000 bytes).
 */
export const ALL_CLAIMS_CHANGED = '*';
const MAX_PAYLOAD_BYTES = 7999;

/** The NOTIFY payload for `claimIds`: the ids joined by commas, or ALL_CLAIMS_CHANGED. */
export function claimsChangedPayload(claimIds?: readonly string[]): string {
  if (!claimIds || claimIds.length === 0) return ALL_CLAIMS_CHANGED;
  const payload = [...new Set(claimIds)].join(',');
  return Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES ? ALL_CLAIMS_CHANGED : payload;
}

/** The claim ids named by a payload, or 'all' when it does not name them. */
export function parseClaimsChangedPayload(payload: string | undefined): readonly string[] | 'all' {
  if (!payload || payload === ALL_CLAIMS_CHANGED) return 'all';
  // ids are compared as Postgres prints them
  return payload.toLowerCase().split(',');
}

/**
 * The notification that the claims `claimIds` (omitted: any claims) changed, for a statement
 * that sends it along with other work (AuditLog.append); see notifyClaimsChanged.
 */
export function claimsChangedNotification(claimIds?: readonly string[]): {
  channel: string;
  payload: string;
} {
  return { channel: CLAIMS_CHANGED_CHANNEL, payload: claimsChangedPayload(claimIds) };
}

/**
 * Announces that the claims `claimIds` (omitted: any claims) were created or changed. Call it with
 * the transaction's manager: Postgres delivers the notification only when that transaction commits,
 * so readers never drop their caches before the change is visible, and not at all on rollback.
 */
export async function notifyClaimsChanged(
  manager: EntityManager | DataSource,
  claimIds?: string[],
): Promise<void> {
  const { channel, payload } = claimsChangedNotification(claimIds);
  await manager.query('SELECT pg_notify($1, $2)', [channel, payload]);
}
