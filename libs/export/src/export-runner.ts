import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExportKind, ExportParams } from '@claimtrail/persistence';
import type { ThreadMessage, ThreadTask } from './export-thread-protocol';
import type { ExportOutcome, WriteExportOptions } from './export-writer';

/**
 * The export thread's heap. Encoding a million rows allocates gigabytes of short-lived
 * strings, and on a machine with memory to spare V8 lets the young generation of the heap
 * that does it grow past 100 MB. In a thread of its own the export gets a bounded one: the
 * process stays within a fixed budget whatever the export's size, and the encoding does not
 * hold up the worker's event loop (job locks, other jobs) either. 48 MB rather than 16: the
 * audit CSV of a million events ran about 10% faster (fewer scavenges), and the worker's
 * peak stayed at 174 MB (bench:export, target 200).
 */
export const EXPORT_THREAD_LIMITS = { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: 96 };

/** An export that failed; `code` is the system error's (ENOSPC, EACCES, …) when it was one. */
export class ExportFailure extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ExportFailure';
  }
}

/**
 * The thread's entry: the compiled file beside this one, or, when running from TypeScript
 * sources (tests, tsx, the benchmarks), the source file loaded through tsx.
 */
function threadEntry(): { file: string; execArgv?: string[] } {
  return __filename.endsWith('.ts')
    ? { file: join(__dirname, 'export-thread.ts'), execArgv: ['--import', 'tsx'] }
    : { file: join(__dirname, 'export-thread.js') };
}

/**
 * Writes an export as writeExport does, in a worker thread with a bounded heap. Progress is
 * passed on in order to `onProgress`, best effort: a progress report that fails is dropped,
 * the export goes on. Resolves once the file is in place.
 */
export async function runExport(
  databaseUrl: string,
  request: { kind: ExportKind; params: ExportParams },
  destination: string,
  options: WriteExportOptions,
): Promise<ExportOutcome> {
  const { onProgress, ...rest } = options;
  const task: ThreadTask = { databaseUrl, request, destination, options: rest };
  const entry = threadEntry();
  const thread = new Worker(entry.file, {
    workerData: task,
    resourceLimits: EXPORT_THREAD_LIMITS,
    ...(entry.execArgv ? { execArgv: entry.execArgv } : {}),
    stdout: false,
    stderr: false,
  });
  let reports = Promise.resolve();
  let outcome: ExportOutcome | undefined;
  let failure: Error | undefined;
  thread.on('message', (message: ThreadMessage) => {
    if (message.type === 'progress') {
      if (onProgress)
        reports = reports.then(() => onProgress(message.percent)).catch(() => undefined);
    } else if (message.type === 'done') outcome = message.outcome;
    else failure = new ExportFailure(message.message, message.code);
  });
  const exitCode = await new Promise<number>((resolve) => {
    thread.once('error', (e: unknown) => {
      failure ??= e instanceof Error ? e : new Error(String(e));
    });
    thread.once('exit', resolve);
  });
  await reports.catch(() => undefined);
  if (outcome) return outcome;
  throw failure ?? new ExportFailure(`the export thread stopped (exit code ${exitCode})`);
}
