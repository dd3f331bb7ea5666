export {
  AuditLog,
  GENESIS_HASH,
  hashEvent,
  type AppendNotification,
  type AuditEntry,
  type AuditRecord,
  type VerifyResult,
} from './audit-log';
export { canonicalJson } from './canonical-json';
