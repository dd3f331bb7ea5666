import { pino, type Logger } from 'pino';
import type { AppConfig } from '@claimtrail/config';

/**
 * JSON lines on stdout. Log calls carry ids, counts and error messages only: never article
 * text, API keys or connection URLs (endpoints are logged through `endpointOf`).
 */
export function createLogger(level: AppConfig['logLevel']): Logger {
  return pino({
    level,
    base: { service: 'worker', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // belt and braces for a stray object logged whole
    redact: {
      paths: ['text', '*.text', 'secret', '*.secret', 'password', '*.password'],
      censor: '[redacted]',
    },
  });
}
