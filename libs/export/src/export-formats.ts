import type { ExportKind } from '@claimtrail/persistence';

/** How each kind of export is served: its media type and the extension of its file. */
export const EXPORT_FORMATS: Record<ExportKind, { contentType: string; extension: string }> = {
  'audit-csv': { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  'audit-jsonl': { contentType: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
  'claims-csv': { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  claimreview: { contentType: 'application/ld+json; charset=utf-8', extension: 'jsonld' },
};

/** The file an export is written to, inside EXPORT_DIR. */
export const exportFileName = (id: string, kind: ExportKind): string =>
  `${id}.${EXPORT_FORMATS[kind].extension}`;

/** The name a download is saved under. */
export const downloadName = (id: string, kind: ExportKind): string =>
  `claimtrail-${kind}-${id}.${EXPORT_FORMATS[kind].extension}`;
