export { createDataSource, ENTITIES, MIGRATIONS } from './data-source';
export { ApiKeyEntity, ROLES, type Role } from './entities/api-key.entity';
export { ArticleEntity, ARTICLE_STATUSES, type ArticleStatus } from './entities/article.entity';
export { AuditEventEntity } from './entities/audit-event.entity';
export {
  ClaimEntity,
  ClaimSimilarityBandEntity,
  ClaimSimilarityEntity,
  ClaimSourceEntity,
  CLAIM_STATUSES,
  type ClaimStatus,
} from './entities/claim.entity';
export {
  EXPORT_KINDS,
  EXPORT_STATUSES,
  ExportEntity,
  type ExportKind,
  type ExportParams,
  type ExportStatus,
} from './entities/export.entity';
export { SourceAliasEntity, SourceEntity } from './entities/source.entity';
export {
  ATTRIBUTIONS,
  VERACITIES,
  VerdictEntity,
  type Attribution,
  type EvidenceLink,
  type Veracity,
} from './entities/verdict.entity';
export {
  ALL_CLAIMS_CHANGED,
  CLAIMS_CHANGED_CHANNEL,
  claimsChangedNotification,
  claimsChangedPayload,
  claimsChangedPayloads,
  notifyClaimsChanged,
  parseClaimsChangedPayload,
} from './claim-changes';
export {
  CLAIM_CHANGES_APPLICATION_NAME,
  ClaimChangesListener,
  type ClaimChangesListenerOptions,
  type ClaimChangesObserver,
} from './claim-changes-listener';
export { preparedQuery, preparedQueryIn } from './prepared-query';
