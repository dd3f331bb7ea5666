/**
 * The entry of the thread an export runs in (see runExport): it writes the file and reports
 * progress and the outcome to the thread that started it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeExport } from './export-writer';
import type { ThreadMessage, ThreadTask } from './export-thread-protocol';

const task = workerData as ThreadTask;
const send = (message: ThreadMessage) => parentPort!.postMessage(message);

writeExport(task.databaseUrl, task.request, task.destination, {
  ...task.options,
  onProgress: (percent) => send({ type: 'progress', percent }),
}).then(
  (outcome) => send({ type: 'done', outcome }),
  (e: unknown) => {
    const error = e instanceof Error ? e : new Error(String(e));
    const code = (e as { code?: unknown } | null)?.code;
    send({
      type: 'failed',
      name: error.name,
      message: error.message || error.name,
      ...(typeof code === 'string' ? { code } : {}),
    });
  },
);
