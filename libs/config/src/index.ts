export { ConfigError, loadConfig, type AppConfig } from './app-config';
