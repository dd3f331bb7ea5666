export { ApiKeyService, hashKey, type Principal } from './api-key.service';
export {
  ArticleService,
  contentHash,
  type ArticleInput,
  type SubmitResult,
} from './article.service';
export { ClaimReadCache, type ClaimReadCacheOptions } from './claim-read-cache';
export {
  LINK_LOCK,
  linkSimilarClaims,
  relinkSimilarClaim,
  SIMILAR_PER_CLAIM,
  SIMILAR_SHOWN,
  SIMILARITY_THRESHOLD,
  type SimilarClaimView,
} from './claim-similarity';
export type { ClaimBands } from './similar-candidates';
export { DomainError, type DomainErrorCode } from './domain-error';
export {
  EXTRACTOR_ACTOR,
  ExtractionService,
  PermanentExtractionError,
  type ExtractionOutcome,
} from './extraction.service';
export { GroupCommitScheduler } from './group-commit-scheduler';
export { QueueGateway } from './queue-gateway';
export {
  ReadService,
  SOURCE_SORTS,
  cursor,
  type ClaimFilter,
  type SourceFilter,
  type ClaimView,
  type ClaimDetail,
  type Page,
  type SourceRefView,
  type SourceView,
} from './read.service';
export { Reconciler } from './reconciler';
export { registryKey } from './source-registry-key';
export type { CurrentVerdictView } from './verdict-view';
