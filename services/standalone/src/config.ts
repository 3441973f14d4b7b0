// Configuration of the platform process: parsed once from the environment, failing fast with every bad variable named.
import { z } from 'zod';

const intFrom = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

const schema = z.object({
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: intFrom(4000, 0),
  /** postgres://… selects PostgreSQL for events and read models; absent selects embedded PGlite. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
    .optional(),
  /** PGlite's data directory; 'memory' keeps everything in memory (lost on exit). */
  DATA_DIR: z.string().min(1).default('.data/pglite'),
  DB_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'expected lower-case letters, digits and underscores')
    .default('liaison'),
  /** Which services this process runs: any of gateway, projector, relay. */
  SERVICES: z
    .string()
    .default('gateway,projector,relay')
    .transform((value) =>
      value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(['gateway', 'projector', 'relay'])).min(1)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  READ_YOUR_WRITES_TIMEOUT_MS: intFrom(2000, 0),
  MAX_QUERY_DEPTH: intFrom(12),
  MAX_QUERY_COST: intFrom(5000),
  MAX_BODY_BYTES: intFrom(1_048_576),
  PROJECTOR_BATCH_SIZE: intFrom(1000),
  /** How long a webhook receiver has to answer. */
  RELAY_WEBHOOK_TIMEOUT_MS: intFrom(15_000),
  /** The first webhook retry's delay; it doubles up to RELAY_RETRY_MAX_MS. */
  RELAY_RETRY_BASE_MS: intFrom(5_000),
  RELAY_RETRY_MAX_MS: intFrom(3_600_000),
  /** How long a failing event is retried before it goes to the dead letters. */
  RELAY_RETRY_WINDOW_HOURS: intFrom(72),
  /** How often an idle webhook worker looks for changes made by other processes. */
  RELAY_POLL_MS: intFrom(1_000),
  /** nats://host:port: the relay also publishes CloudEvents to NATS JetStream. Unset: no broker bridge. */
  NATS_URL: z
    .string()
    .regex(/^(nats|tls):\/\//, 'expected a nats:// or tls:// URL')
    .optional(),
  /** The JetStream stream the bridge publishes into (created when missing). */
  NATS_STREAM: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'expected letters, digits, _ or -')
    .default('LIAISON_EVENTS'),
  /** First token of the bridge's subjects: `<prefix>.<category>.<EventType>`. */
  NATS_SUBJECT_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'expected letters, digits, _ or -')
    .default('liaison'),
  NODE_ENV: z.string().default('development'),
});

export type Config = z.infer<typeof schema>;

/** Thrown when the environment does not describe a valid configuration; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the configuration from `env`. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}
