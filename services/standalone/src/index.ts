export { loadConfig, ConfigError, type Config } from './config.js';
export { startPlatform, wireModules, type Platform, type PlatformOverrides } from './platform.js';
