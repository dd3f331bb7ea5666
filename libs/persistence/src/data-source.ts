import { DataSource } from 'typeorm';
import { ApiKeyEntity } from './entities/api-key.entity';
import { ArticleEntity } from './entities/article.entity';
import { AuditEventEntity } from './entities/audit-event.entity';
import {
  ClaimEntity,
  ClaimSimilarityBandEntity,
  ClaimSimilarityEntity,
  ClaimSourceEntity,
} from './entities/claim.entity';
import { ExportEntity } from './entities/export.entity';
import { SourceAliasEntity, SourceEntity } from './entities/source.entity';
import { VerdictEntity } from './entities/verdict.entity';
import { InitialSchema1764489600000 } from './migrations/1764489600000-initial-schema';
import { ReviewWorkflow1764662400000 } from './migrations/1764662400000-review-workflow';
import { SourceMerges1764705600000 } from './migrations/1764705600000-source-merges';
import { ReverificationDue1764835200000 } from './migrations/1764835200000-reverification-due';
import { SimilarClaims1764921600000 } from './migrations/1764921600000-similar-claims';
import { Exports1765008000000 } from './migrations/1765008000000-exports';
import { AuditAppendFunction1765094400000 } from './migrations/1765094400000-audit-append-function';
import { ExportExpiry1765180800000 } from './migrations/1765180800000-export-expiry';
import { SimilarLinksUnconstrained1765267200000 } from './migrations/1765267200000-similar-links-unconstrained';
import { SimilarityBandPlaces1765353600000 } from './migrations/1765353600000-similarity-band-places';
import { StatementLevelSourceRedirects1765440000000 } from './migrations/1765440000000-statement-level-source-redirects';

export const ENTITIES = [
  ApiKeyEntity,
  ArticleEntity,
  AuditEventEntity,
  ClaimEntity,
  ClaimSimilarityBandEntity,
  ClaimSimilarityEntity,
  ClaimSourceEntity,
  ExportEntity,
  SourceAliasEntity,
  SourceEntity,
  VerdictEntity,
];
export const MIGRATIONS = [
  InitialSchema1764489600000,
  ReviewWorkflow1764662400000,
  SourceMerges1764705600000,
  ReverificationDue1764835200000,
  SimilarClaims1764921600000,
  Exports1765008000000,
  AuditAppendFunction1765094400000,
  ExportExpiry1765180800000,
  SimilarLinksUnconstrained1765267200000,
  SimilarityBandPlaces1765353600000,
  StatementLevelSourceRedirects1765440000000,
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
    // no JIT: statements here are short, and a batch statement whose estimated cost passes
    // jit_above_cost would spend some 30 ms compiling before running for a few
    extra: { max: poolSize, connectionTimeoutMillis: 5000, options: '-c jit=off' },
  });
}
