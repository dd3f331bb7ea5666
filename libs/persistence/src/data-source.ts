import { DataSource } from 'typeorm';
import { ApiKeyEntity } from './entities/api-key.entity';
import { ArticleEntity } from './entities/article.entity';
import { AuditEventEntity } from './entities/audit-event.entity';
import { ClaimEntity, ClaimSourceEntity } from './entities/claim.entity';
import { SourceAliasEntity, SourceEntity } from './entities/source.entity';
import { VerdictEntity } from './entities/verdict.entity';
import { InitialSchema1764489600000 } from './migrations/1764489600000-initial-schema';
import { ReviewWorkflow1764662400000 } from './migrations/1764662400000-review-workflow';
import { SourceMerges1764705600000 } from './migrations/1764705600000-source-merges';

export const ENTITIES = [
  ApiKeyEntity,
  ArticleEntity,
  AuditEventEntity,
  ClaimEntity,
  ClaimSourceEntity,
  SourceAliasEntity,
  SourceEntity,
  VerdictEntity,
];
export const MIGRATIONS = [
  InitialSchema1764489600000,
  ReviewWorkflow1764662400000,
  SourceMerges1764705600000,
];

/** A data source on `url`; the schema comes from migrations only, never from the entities. */
export function createDataSource(url: string, poolSize = 10): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    extra: { max: poolSize, connectionTimeoutMillis: 5000 },
  });
}
