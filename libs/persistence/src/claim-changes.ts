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

/** Claim ids per payload when a change is announced in several: 36 characters and a comma each. */
const IDS_PER_PAYLOAD = 200;
/** Payloads per announcement at most; a larger change is announced as ALL_CLAIMS_CHANGED. */
const MAX_PAYLOADS = 16;

/**
 * The NOTIFY payloads for `claimIds`: slices of the ids that each fit a payload, so readers
 * learn exactly which claims changed (an extraction batch creates and links hundreds), or
 * ALL_CLAIMS_CHANGED alone when there are none or more than MAX_PAYLOADS slices would take.
 */
export function claimsChangedPayloads(claimIds?: readonly string[]): string[] {
  const ids = [...new Set(claimIds ?? [])];
  if (ids.length === 0 || ids.length > IDS_PER_PAYLOAD * MAX_PAYLOADS) return [ALL_CLAIMS_CHANGED];
  const payloads: string[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_PAYLOAD)
    payloads.push(claimsChangedPayload(ids.slice(i, i + IDS_PER_PAYLOAD)));
  return payloads;
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
  claimIds?: readonly string[],
): Promise<void> {
  // every payload in one statement: one round trip, however many claims changed
  await manager.query('SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p', [
    CLAIMS_CHANGED_CHANNEL,
    claimsChangedPayloads(claimIds),
  ]);
}
