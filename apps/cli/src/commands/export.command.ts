import { resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { isPermanentExportError, runExport } from '@claimtrail/export';
import type { ExportKind } from '@claimtrail/persistence';
import type { CliIo } from '../cli-io';
import { CommandError, messageOf, type CliServices } from './cli-services';

export interface ExportFlags {
  kind: ExportKind;
  out: string;
  from?: string;
  to?: string;
}

/** How the command shows progress: a bar on a terminal, a line per step otherwise. */
function progressReporter(kind: ExportKind, io: CliIo) {
  if (io.tty) {
    const bar = new SingleBar({
      stream: io.tty,
      format: `${kind} [{bar}] {percentage}%`,
      barCompleteChar: '#',
      barIncompleteChar: '-',
      hideCursor: true,
      clearOnComplete: false,
    });
    bar.start(100, 0);
    return { update: (p: number) => bar.update(p), stop: () => bar.stop() };
  }
  return {
    update: (p: number) => io.stderr(`${kind}: ${p}%\n`),
    stop: () => undefined,
  };
}

/**
 * `export --kind K --out FILE [--from ISO] [--to ISO]`: writes the export straight from
 * Postgres (DATABASE_URL) to FILE, as the worker does for POST /exports, and prints where,
 * how much, its SHA-256 and the audit chain head it was cut at. It only reads: no exports
 * row, no audit event. FILE appears complete or not at all.
 */
export async function exportCommand(
  services: CliServices,
  flags: ExportFlags,
  io: CliIo,
): Promise<void> {
  // a clear message for a missing or unmigrated database before any file is touched
  await services.db();
  const { config } = services;
  const file = resolve(flags.out);
  const progress = progressReporter(flags.kind, io);
  let outcome;
  try {
    outcome = await runExport(
      config.databaseUrl,
      { kind: flags.kind, params: { from: flags.from, to: flags.to } },
      file,
      {
        publisher: { newsroom: config.newsroom, publicBaseUrl: config.publicBaseUrl },
        onProgress: (p) => progress.update(p),
      },
    );
    progress.update(100);
  } catch (e) {
    const why = isPermanentExportError(e) ? `cannot write ${file}` : 'export failed';
    throw new CommandError(`${why}: ${messageOf(e)}`);
  } finally {
    progress.stop();
  }
  io.stdout(
    [
      `file: ${file}`,
      `kind: ${flags.kind}`,
      `rows: ${outcome.rows}`,
      `bytes: ${outcome.bytes}`,
      `sha256: ${outcome.sha256}`,
      `auditHeadSeq: ${outcome.auditHeadSeq}`,
      `auditHeadHash: ${outcome.auditHeadHash}`,
      '',
    ].join('\n'),
  );
}
