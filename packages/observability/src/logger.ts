// Structured JSON logging: one pino logger per process, child loggers per request carrying the correlation id.
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger, DestinationStream };

export interface LoggerOptions {
  /** pino level name: fatal, error, warn, info (default), debug, trace or silent. */
  level?: string;
  /** Written as `name` on every line, e.g. the service. */
  name?: string;
  /** Where lines go; stdout by default. Tests pass a stream that collects lines. */
  destination?: DestinationStream;
}

/** Creates a JSON logger with ISO timestamps, level names instead of numbers, and credentials redacted. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const settings = {
    level: options.level ?? 'info',
    name: options.name,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: {
      paths: ['authorization', '*.authorization', 'headers.authorization', 'token', '*.token'],
      censor: '[redacted]',
    },
  };
  // pino's own default destination writes stdout synchronously, so nothing is lost when the process exits.
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
