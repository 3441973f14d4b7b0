// The composition root: opens the stores, wires every module, and starts the services this process runs.
import {
  AuditConfigError,
  createAuditGatewayModule,
  loadAuditConfig,
  MerkleCache,
  Sealer,
} from '@liaison/audit-service';
import { createTokenVerifier, loadJwtConfig } from '@liaison/auth';
import { SqlEventStore, type EventStore } from '@liaison/eventstore';
import { createGateway, type Gateway } from '@liaison/gateway';
import type { GatewayModule } from '@liaison/graphql-kit';
import { createCaseworkModule, nationalOfficeCalendars, type CaseworkModule } from '@liaison/casework';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  createLiaisonModule,
  liaisonDeciders,
  HttpSmsProvider,
  OutboxProvider,
  type DutyScheduler,
  type LiaisonModule,
  type NotificationProvider,
} from '@liaison/liaison';
import { createRelayModule, NatsBridge, type WebhookDispatcher } from '@liaison/relay';
import { createLogger, createMetrics, type Logger } from '@liaison/observability';
import {
  BackgroundJobs,
  Projector,
  waitForCheckpoints,
  type BackgroundJob,
  type Projection,
} from '@liaison/projector';
import type { ReadStore } from '@liaison/readstore';
import { PersonalData, SqlKeyVault } from '@liaison/personal-data';
import { openSql, type SqlClient } from '@liaison/sql';
import type { Config } from './config.js';
import { openReadStore } from './read-store.js';

export interface Platform {
  /** The GraphQL endpoint, when this process runs the gateway. */
  url: string | null;
  eventStore: EventStore;
  readStore: ReadStore;
  projector: Projector | null;
  /** The sealing process, when this process runs it. */
  sealer: Sealer | null;
  gateway: Gateway | null;
  /** The duty scheduler (reminders and no-shows), when this process runs it. */
  scheduler: DutyScheduler | null;
  /** Casework services, including the deadline scheduler (tests tick it directly). */
  casework: CaseworkModule;
  logger: Logger;
  close(): Promise<void>;
}

export interface PlatformOverrides {
  /** An already open SQL client (tests pass a fresh schema); otherwise opened from the configuration. */
  sql?: SqlClient;
  logger?: Logger;
  /** The clock commands and the scheduler use. */
  now?: () => Date;
  /** False: build the scheduler but let the caller drive it with `tick()` (tests). Defaults to true. */
  startScheduler?: boolean;
}

/** The GraphQL modules and projections of every domain service, wired to the stores. */
export function wireModules(
  eventStore: EventStore,
  readStore: ReadStore,
  waitForPosition: (position: number, timeoutMs: number) => Promise<boolean>,
  config: Config,
  now: () => Date,
  personalData: PersonalData,
  sql: SqlClient,
  storedEvents: EventStore = eventStore,
  logger?: Logger,
) {
  const liaison = createLiaisonModule(eventStore, {
    readStore,
    personalData,
    waitForPosition,
    readYourWritesTimeoutMs: config.READ_YOUR_WRITES_TIMEOUT_MS,
    now,
    onProcessError: (error) => logger?.error({ err: error }, 'liaison process'),
  });
  const audit = createAuditGatewayModule({
    storedEvents,
    deciders: { ...liaisonDeciders },
    ancestry: async (ids) => {
      const documents = await readStore.load<{ id: string; ancestorIds: string[] }>('jurisdictions', ids);
      return new Map(documents.flatMap((d) => (d ? [[d.id, d.ancestorIds] as const] : [])));
    },
    publicKeys: loadAuditConfig().publicKeys,
    merkle: new MerkleCache(storedEvents),
    now,
  });
  const casework = createCaseworkModule(eventStore, {
    readStore,
    personalData,
    // National holidays and make-up working days (packages/calendar) plus the days offices declared in liaison.
    calendars: nationalOfficeCalendars((ancestry) =>
      Promise.all(ancestry.map((id) => liaison.calendars.officeCalendar(id))),
    ),
    settings: {
      intakeSecret: config.CASE_INTAKE_SECRET,
      duplicateWindowMinutes: config.CASE_DUPLICATE_WINDOW_MINUTES,
      publicIntakePerMinute: config.CASE_PUBLIC_INTAKE_PER_MINUTE,
      publicIntakePerVoterPerHour: config.CASE_VOTER_INTAKE_PER_HOUR,
      deadlineNearWorkingDays: config.CASE_DEADLINE_NEAR_DAYS,
      escalateAfterWorkingDays: config.CASE_ESCALATE_AFTER_DAYS,
      feedbackDays: config.CASE_FEEDBACK_DAYS,
    },
    waitForPosition,
    readYourWritesTimeoutMs: config.READ_YOUR_WRITES_TIMEOUT_MS,
    now,
  });
  const relay = createRelayModule(sql, {
    eventStore,
    readStore,
    waitForPosition,
    readYourWritesTimeoutMs: config.READ_YOUR_WRITES_TIMEOUT_MS,
    now,
  });
  const modules: GatewayModule[] = [liaison.gateway, casework.gateway, relay.gateway, audit];
  const projections: Projection[] = [...liaison.projections, ...casework.projections, ...relay.projections];
  /** Background jobs: processes that follow the log and issue commands, and the casework deadline scheduler. */
  const jobs: BackgroundJob[] = [...liaison.processes];
  if (config.CASE_SCHEDULER_INTERVAL_MS > 0) {
    jobs.push({
      name: 'casework-deadlines',
      start: () =>
        casework.scheduler.start({
          intervalMs: config.CASE_SCHEDULER_INTERVAL_MS,
          onError: (error) => logger?.error({ err: error }, 'deadline scheduler tick failed'),
        }),
      stop: () => casework.scheduler.stop(),
    });
  }
  return { modules, projections, liaison, casework, relay, jobs };
}

/** The notification provider duty reminders go through, as configured. */
function reminderProvider(config: Config, eventStore: EventStore, now: () => Date): NotificationProvider {
  return config.REMINDER_PROVIDER === 'http' && config.REMINDER_HTTP_URL
    ? new HttpSmsProvider({
        url: config.REMINDER_HTTP_URL,
        token: config.REMINDER_HTTP_TOKEN ?? null,
        timeoutMs: config.REMINDER_HTTP_TIMEOUT_MS,
      })
    : new OutboxProvider(eventStore, now);
}

function createScheduler(
  config: Config,
  liaison: LiaisonModule,
  eventStore: EventStore,
  now: () => Date,
  logger: Logger,
) {
  return liaison.scheduler(reminderProvider(config, eventStore, now), {
    schedulerId: config.SCHEDULER_ID ?? `${hostname()}-${process.pid}`,
    intervalMs: config.SCHEDULER_INTERVAL_MS,
    leaseMs: config.REMINDER_LEASE_MS,
    sendFrom: config.REMINDER_SEND_FROM,
    onTick: (summary) => {
      if (summary.reminders.sent + summary.reminders.failed + summary.noShows > 0)
        logger.info(summary, 'duty scheduler tick');
    },
    onError: (error) => logger.error({ err: error }, 'duty scheduler tick failed'),
  });
}

/**
 * Events in KurrentDB when EVENTSTORE_URL is set, else in the SQL store beside the read models. The adapter is
 * loaded on demand so that a process without it never loads the gRPC client.
 */
async function openEventStore(config: Config, sql: SqlClient): Promise<EventStore> {
  if (!config.EVENTSTORE_URL) return SqlEventStore.open(sql);
  const { KurrentEventStore } = await import('@liaison/eventstore/kurrent');
  return KurrentEventStore.connect(config.EVENTSTORE_URL);
}

/** Starts the platform as configured and returns handles to stop it. */
export async function startPlatform(config: Config, overrides: PlatformOverrides = {}): Promise<Platform> {
  const logger = overrides.logger ?? createLogger({ level: config.LOG_LEVEL, name: 'liaison' });
  const sql =
    overrides.sql ??
    (await openSql({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR === 'memory' ? undefined : config.DATA_DIR,
      schema: config.DB_SCHEMA,
    }));
  const eventStore = await openEventStore(config, sql);
  if (config.EVENTSTORE_URL) logger.info('events are kept in KurrentDB (EVENTSTORE_URL)');
  // Hashes and Merkle leaves cover the stored bytes: auditing reads through a store without upcasters.
  const storedEvents = await openEventStore(config, sql);
  const reads = await openReadStore(config, sql);
  const readStore = reads.store;
  logger.info({ readStore: reads.kind }, 'read store open');

  let projector: Projector | null = null;
  let backgroundJobs: BackgroundJobs | null = null;
  const waitForPosition = (position: number, timeoutMs: number): Promise<boolean> =>
    projector
      ? projector.waitFor(position, timeoutMs)
      : waitForCheckpoints(readStore, projectionNames, position, timeoutMs);
  const now = overrides.now ?? (() => new Date());
  const { modules, projections, liaison, casework, relay, jobs } = wireModules(
    eventStore,
    readStore,
    waitForPosition,
    config,
    now,
    new PersonalData(await SqlKeyVault.open(sql)),
    sql,
    storedEvents,
    logger,
  );
  await relay.prepare();
  const projectionNames = projections.map((projection) => projection.name);

  if (config.SERVICES.includes('projector')) {
    // Projector processes share the projections and the background jobs: each runs those whose lease it holds
    // (docs/operations.md). An embedded read store has one process by construction: no lease, so a restart
    // after a crash does not wait for the dead process's leases to run out.
    const lease =
      config.PROJECTOR_LEASE_MS > 0 && !(reads.kind === 'sql' && sql.driver === 'pglite')
        ? {
            lease: {
              holder: `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
              durationMs: config.PROJECTOR_LEASE_MS,
            },
          }
        : {};
    projector = new Projector(eventStore, readStore, projections, {
      batchSize: config.PROJECTOR_BATCH_SIZE,
      logger,
      ...lease,
    });
    await projector.start();
    backgroundJobs = new BackgroundJobs(readStore, jobs, { logger, ...lease });
    await backgroundJobs.start();
    logger.info({ projections: projectionNames, driver: sql.driver }, 'projector started');
  }

  let sealer: Sealer | null = null;
  if (config.SERVICES.includes('sealer')) {
    const audit = loadAuditConfig();
    if (!audit.signer) {
      throw new AuditConfigError([
        'AUDIT_SIGNING_KEY: required when this process runs the sealer (SERVICES includes sealer); received none',
      ]);
    }
    sealer = new Sealer(storedEvents, {
      signer: audit.signer,
      everyEvents: audit.everyEvents,
      intervalMs: audit.intervalMs,
      logger,
    });
    sealer.start();
    logger.info({ keyId: audit.signer.keyId, everyEvents: audit.everyEvents }, 'sealer started');
  }

  let dispatcher: WebhookDispatcher | null = null;
  if (config.SERVICES.includes('relay')) {
    dispatcher = relay.createDispatcher({
      logger,
      timeoutMs: config.RELAY_WEBHOOK_TIMEOUT_MS,
      pollMs: config.RELAY_POLL_MS,
      lanes: config.RELAY_WEBHOOK_LANES,
      retry: {
        baseDelayMs: config.RELAY_RETRY_BASE_MS,
        maxDelayMs: config.RELAY_RETRY_MAX_MS,
        retryWindowMs: config.RELAY_RETRY_WINDOW_HOURS * 3_600_000,
      },
    });
    await dispatcher.start();
    logger.info('webhook relay started');
  }
  let bridge: NatsBridge | null = null;
  if (config.SERVICES.includes('relay') && config.NATS_URL) {
    bridge = new NatsBridge({
      eventStore,
      sql,
      logger,
      servers: config.NATS_URL,
      stream: config.NATS_STREAM,
      subjectPrefix: config.NATS_SUBJECT_PREFIX,
    });
    await bridge.start();
    logger.info({ stream: config.NATS_STREAM }, 'NATS JetStream bridge started');
  }
  let gateway: Gateway | null = null;
  let url: string | null = null;
  let closeSubscriptions: (() => Promise<void>) | null = null;
  if (config.SERVICES.includes('gateway')) {
    const verifyToken = relay.verifyCredential(createTokenVerifier(loadJwtConfig()));
    gateway = await createGateway({
      modules,
      verifyToken,
      logger,
      metrics: createMetrics(),
      waitForPosition,
      readYourWritesTimeoutMs: config.READ_YOUR_WRITES_TIMEOUT_MS,
      ready: async () => {
        await sql.query('SELECT 1');
        if (config.EVENTSTORE_URL) await eventStore.headPosition();
        await reads.ping();
        return true;
      },
      limits: {
        maxDepth: config.MAX_QUERY_DEPTH,
        maxCost: config.MAX_QUERY_COST,
        maxBodyBytes: config.MAX_BODY_BYTES,
      },
    });
    closeSubscriptions = relay.attachSubscriptions({
      server: gateway.server,
      schema: gateway.schema,
      verifyToken,
      logger,
    });
    ({ url } = await gateway.listen(config.PORT, config.HOST));
    logger.info({ url, driver: sql.driver }, 'gateway listening');
  }

  let scheduler: DutyScheduler | null = null;
  if (config.SERVICES.includes('scheduler')) {
    scheduler = createScheduler(config, liaison, eventStore, now, logger);
    if (overrides.startScheduler !== false) scheduler.start();
    logger.info({ provider: config.REMINDER_PROVIDER }, 'duty scheduler started');
  }

  return {
    url,
    eventStore,
    readStore,
    projector,
    sealer,
    gateway,
    scheduler,
    casework,
    logger,
    async close() {
      await scheduler?.stop();
      await closeSubscriptions?.();
      await gateway?.close();
      await dispatcher?.stop();
      await bridge?.stop();
      await backgroundJobs?.stop();
      await projector?.stop();
      await sealer?.stop();
      await eventStore.close();
      await storedEvents.close();
      await reads.close();
      if (!overrides.sql) await sql.close();
    },
  };
}
