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
  /** Which services this process runs: any of gateway, projector, sealer, scheduler (reminders and no-shows), relay. */
  SERVICES: z
    .string()
    .default('gateway,projector,sealer,relay')
    .transform((value) =>
      value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(['gateway', 'projector', 'sealer', 'scheduler', 'relay'])).min(1)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  READ_YOUR_WRITES_TIMEOUT_MS: intFrom(2000, 0),
  MAX_QUERY_DEPTH: intFrom(12),
  MAX_QUERY_COST: intFrom(5000),
  MAX_BODY_BYTES: intFrom(1_048_576),
  PROJECTOR_BATCH_SIZE: intFrom(1000),
  /** How long a projector process's lease on a projection or background job lasts unless renewed; 0: no leases (run them all). */
  PROJECTOR_LEASE_MS: intFrom(15_000, 0),
  /** How long a webhook receiver has to answer. */
  RELAY_WEBHOOK_TIMEOUT_MS: intFrom(15_000),
  /** The first webhook retry's delay; it doubles up to RELAY_RETRY_MAX_MS. */
  RELAY_RETRY_BASE_MS: intFrom(5_000),
  RELAY_RETRY_MAX_MS: intFrom(3_600_000),
  /** How long a failing event is retried before it goes to the dead letters. */
  RELAY_RETRY_WINDOW_HOURS: intFrom(72),
  /** How often an idle webhook worker looks for changes made by other processes. */
  RELAY_POLL_MS: intFrom(1_000),
  /** How many of a partner's streams get webhooks at once, each stream in order; 1 keeps global log order. */
  RELAY_WEBHOOK_LANES: intFrom(8),
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
  /** Casework: HMAC secret for tracking codes and duplicate fingerprints (set it in production). */
  CASE_INTAKE_SECRET: z
    .string()
    .min(16, 'expected at least 16 characters')
    .default('development-intake-secret-change-me'),
  CASE_DUPLICATE_WINDOW_MINUTES: intFrom(10),
  CASE_PUBLIC_INTAKE_PER_MINUTE: intFrom(60),
  CASE_VOTER_INTAKE_PER_HOUR: intFrom(5),
  CASE_DEADLINE_NEAR_DAYS: intFrom(2, 0),
  CASE_ESCALATE_AFTER_DAYS: intFrom(1),
  CASE_FEEDBACK_DAYS: intFrom(5),
  /** How often the deadline scheduler runs in the projector process; 0 turns it off. */
  CASE_SCHEDULER_INTERVAL_MS: intFrom(60_000, 0),
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
