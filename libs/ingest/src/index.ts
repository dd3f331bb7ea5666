export { ApiKeyService, hashKey, type Principal } from './api-key.service';
export {
  ArticleService,
  contentHash,
  type ArticleInput,
  type SubmitResult,
} from './article.service';
export { DomainError, type DomainErrorCode } from './domain-error';
export {
  EXTRACTOR_ACTOR,
  ExtractionService,
  PermanentExtractionError,
  type ExtractionOutcome,
} from './extraction.service';
export { QueueGateway } from './queue-gateway';
export {
  ReadService,
  cursor,
  type ClaimFilter,
  type ClaimView,
  type Page,
  type SourceRefView,
  type SourceView,
} from './read.service';
export { Reconciler } from './reconciler';
export { registryKey } from './source-registry-key';
