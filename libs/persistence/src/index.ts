export { createDataSource, ENTITIES, MIGRATIONS } from './data-source';
export { ApiKeyEntity, ROLES, type Role } from './entities/api-key.entity';
export { ArticleEntity, ARTICLE_STATUSES, type ArticleStatus } from './entities/article.entity';
export { AuditEventEntity } from './entities/audit-event.entity';
export {
  ClaimEntity,
  ClaimSourceEntity,
  CLAIM_STATUSES,
  type ClaimStatus,
} from './entities/claim.entity';
export { SourceAliasEntity, SourceEntity } from './entities/source.entity';
