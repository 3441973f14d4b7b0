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
  /** Which services this process runs: any of gateway, projector, sealer, scheduler (reminders and no-shows). */
  SERVICES: z
    .string()
    .default('gateway,projector,sealer')
    .transform((value) =>
      value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(['gateway', 'projector', 'sealer', 'scheduler'])).min(1)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  READ_YOUR_WRITES_TIMEOUT_MS: intFrom(2000, 0),
  MAX_QUERY_DEPTH: intFrom(12),
  MAX_QUERY_COST: intFrom(5000),
  MAX_BODY_BYTES: intFrom(1_048_576),
  PROJECTOR_BATCH_SIZE: intFrom(1000),
  NODE_ENV: z.string().default('development'),
  /** Pause between duty scheduler ticks. */
  SCHEDULER_INTERVAL_MS: intFrom(60_000),
  /** Names this scheduler in the reminder claims it writes; defaults to host and process id. */
  SCHEDULER_ID: z.string().min(1).optional(),
  /** How duty reminders leave: recorded in the outbox, or posted to an SMS gateway. */
  REMINDER_PROVIDER: z.enum(['outbox', 'http']).default('outbox'),
  REMINDER_HTTP_URL: z.url({ protocol: /^https?$/ }).optional(),
  REMINDER_HTTP_TOKEN: z.string().min(1).optional(),
  REMINDER_HTTP_TIMEOUT_MS: intFrom(10_000),
  /** Beijing time from which a day's reminders go out. */
  REMINDER_SEND_FROM: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm')
    .default('09:00'),
  /** How long a scheduler's claim on a reminder holds before another may take it over. */
  REMINDER_LEASE_MS: intFrom(300_000),
});

/** Rules across variables. */
const checkedSchema = schema.refine(
  (config) => config.REMINDER_PROVIDER !== 'http' || config.REMINDER_HTTP_URL !== undefined,
  { path: ['REMINDER_HTTP_URL'], message: 'expected the SMS gateway URL when REMINDER_PROVIDER=http' },
);

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
  const result = checkedSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}
