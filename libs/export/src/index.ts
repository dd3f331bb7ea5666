export {
  BEST_RATING,
  VERACITY_RATINGS,
  WORST_RATING,
  claimReviewOf,
  type ClaimReview,
  type ClaimReviewPublisher,
  type ReviewedClaim,
} from './claim-review';
export { csvLines, type CsvRecord } from './csv';
export { ExportFile, type WrittenFile } from './export-file';
export { EXPORT_FORMATS, downloadName, exportFileName } from './export-formats';
export { ExportJobs } from './export-jobs';
export { AUDIT_CSV_COLUMNS, CLAIMS_CSV_COLUMNS, planExport, type ExportPlan } from './export-plans';
export { EXPORT_ACTOR, ExportRecords, type ExportTask, type ExportView } from './export-records';
export { EXPORT_EXPIRY_BATCH, ExportRetention, type ExpirySummary } from './export-retention';
export { EXPORT_THREAD_LIMITS, ExportFailure, runExport } from './export-runner';
export {
  DEFAULT_BATCH_SIZE,
  EXPORT_APPLICATION_NAME,
  isPermanentExportError,
  writeExport,
  type ExportOutcome,
  type WriteExportOptions,
} from './export-writer';
