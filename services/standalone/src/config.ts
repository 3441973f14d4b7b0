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
  /** kurrentdb://… or esdb://… keeps events in KurrentDB / EventStoreDB; read models stay where they were. */
  EVENTSTORE_URL: z
    .string()
    .regex(
      /^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\/[^/?#]/,
      'expected a kurrentdb://, kurrentdb+discover://, esdb:// or esdb+discover:// connection string',
    )
    .optional(),
  /** mongodb://… keeps read models in MongoDB (database from the URL's path, else DB_SCHEMA); events stay in SQL. */
  MONGODB_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/[^/?]+/, 'expected a mongodb:// or mongodb+srv:// URL with a host')
    .optional(),
  /** PGlite's data directory; 'memory' keeps everything in memory (lost on exit). */
  DATA_DIR: z.string().min(1).default('.data/pglite'),
  DB_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'expected lower-case letters, digits and underscores')
    .default('liaison'),
  /** Which services this process runs: any of gateway, projector, sealer. */
  SERVICES: z
    .string()
    .default('gateway,projector,sealer')
    .transform((value) =>
      value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(['gateway', 'projector', 'sealer'])).min(1)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  READ_YOUR_WRITES_TIMEOUT_MS: intFrom(2000, 0),
  MAX_QUERY_DEPTH: intFrom(12),
  MAX_QUERY_COST: intFrom(5000),
  MAX_BODY_BYTES: intFrom(1_048_576),
  PROJECTOR_BATCH_SIZE: intFrom(1000),
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
