import { DataSource } from 'typeorm';
import { ApiKeyEntity } from './entities/api-key.entity';
import { ArticleEntity } from './entities/article.entity';
import { AuditEventEntity } from './entities/audit-event.entity';
import { ClaimEntity, ClaimSourceEntity } from './entities/claim.entity';
import { SourceAliasEntity, SourceEntity } from './entities/source.entity';
import { InitialSchema1764489600000 } from './migrations/1764489600000-initial-schema';

export const ENTITIES = [
  ApiKeyEntity,
  ArticleEntity,
  AuditEventEntity,
  ClaimEntity,
  ClaimSourceEntity,
  SourceAliasEntity,
  SourceEntity,
];
export const MIGRATIONS = [InitialSchema1764489600000];

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
