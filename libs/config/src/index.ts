export { ConfigError, loadConfig, type AppConfig } from './app-config';
export { endpointOf } from './endpoint';
export {
  DEFAULT_EXPORT_DIR,
  DEFAULT_EXPORT_RETENTION,
  DEFAULT_NEWSROOM_NAME,
  type ExportConfig,
} from './export-config';
export { SERVICE_NODE_FLAGS, type ServiceRole } from './node-flags';
export { loadWorkerConfig, type WorkerConfig } from './worker-config';
export {
  DEFAULT_REVERIFY_AFTER,
  DEFAULT_REVERIFY_CRON,
  REVERIFY_KEYS,
  type ReverifyAfter,
  type ReverifyKey,
} from './reverify-config';
