export { createLogger, type Logger, type LoggerOptions, type DestinationStream } from './logger.js';
export { createMetrics, type Metrics } from './metrics.js';
