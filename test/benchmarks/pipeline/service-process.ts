/**
 * One service of the pipeline benchmark, in a process of its own as in production: the API
 * (createApiApp), an extraction worker (createWorker) or the bare Fastify yardstick. The
 * benchmark spawns this file with its own Node flags (SWC registration, so Nest gets its
 * decorator metadata) and one JSON argument; the child answers `{ready, port?}` over IPC,
 * stops on a `close` message, and stops by itself when the benchmark goes away.
 */
import 'reflect-metadata';
import { fastify } from 'fastify';
import { pino } from 'pino';
import type { AppConfig } from '@claimtrail/config';
// apps have no @claimtrail alias; the benchmark starts them as their own main() does
// eslint-disable-next-line no-restricted-imports
import { createApiApp } from '../../../apps/api/src/create-api-app';
// eslint-disable-next-line no-restricted-imports
import { apiLogDestination } from '../../../apps/api/src/http/api-logger';
// eslint-disable-next-line no-restricted-imports
import { createWorker } from '../../../apps/worker/src/create-worker';

export type ServiceSpec =
  | { role: 'api'; config: AppConfig }
  | { role: 'worker'; config: AppConfig; concurrency: number }
  | { role: 'bare' };

export type ServiceMessage = { ready: true; port?: number } | { error: string };

/**
 * Log lines are written as in production (JSON, at the configured level), to /dev/null: the
 * API's through its own destination (apiLogDestination), the worker's through this one.
 */
const devNull = () => pino.destination({ dest: '/dev/null', sync: false });

async function start(spec: ServiceSpec): Promise<{ port?: number; close(): Promise<unknown> }> {
  switch (spec.role) {
    case 'api': {
      const app = await createApiApp(spec.config, { logStream: apiLogDestination('/dev/null') });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.getHttpServer().address();
      return {
        port: typeof address === 'object' && address ? address.port : undefined,
        close: () => app.close(),
      };
    }
    case 'worker': {
      const logger = pino({ level: spec.config.logLevel }, devNull());
      const handle = await createWorker(spec.config, { concurrency: spec.concurrency, logger });
      return { close: () => handle.close() };
    }
    case 'bare': {
      const server = fastify({ logger: false });
      server.get('/hello', () => ({ hello: 'world' }));
      await server.listen({ port: 0, host: '127.0.0.1' });
      const address = server.server.address();
      return {
        port: typeof address === 'object' && address ? address.port : undefined,
        close: () => server.close(),
      };
    }
  }
}

async function main(): Promise<void> {
  const send = (message: ServiceMessage) => process.send?.(message);
  const spec = JSON.parse(process.argv[2] ?? '{}') as ServiceSpec;
  let service: Awaited<ReturnType<typeof start>>;
  try {
    service = await start(spec);
  } catch (e) {
    send({ error: (e as Error).stack ?? String(e) });
    process.exit(1);
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('message', (m) => m === 'close' && stop());
  // the benchmark died or was interrupted: do not outlive it
  process.on('disconnect', stop);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  send({ ready: true, ...(service.port === undefined ? {} : { port: service.port }) });
}

void main();
