export { ConfigError, loadConfig, type AppConfig } from './app-config';
export { endpointOf } from './endpoint';
export { loadWorkerConfig, type WorkerConfig } from './worker-config';
