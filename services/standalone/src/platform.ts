// The composition root: opens the stores, wires every module, and starts the services this process runs.
import { createTokenVerifier, loadJwtConfig } from '@liaison/auth';
import { SqlEventStore, type EventStore } from '@liaison/eventstore';
import { createGateway, type Gateway } from '@liaison/gateway';
import type { GatewayModule } from '@liaison/graphql-kit';
import { createCaseworkModule, weekdayCalendar, type CaseworkModule } from '@liaison/casework';
import { createLiaisonModule } from '@liaison/liaison';
import { PersonalData, SqlKeyVault } from '@liaison/personal-data';
import { createLogger, createMetrics, type Logger } from '@liaison/observability';
import { Projector, waitForCheckpoints, type Projection } from '@liaison/projector';
import { SqlReadStore, type ReadStore } from '@liaison/readstore';
import { openSql, type SqlClient } from '@liaison/sql';
import type { Config } from './config.js';

export interface Platform {
  /** The GraphQL endpoint, when this process runs the gateway. */
  url: string | null;
  eventStore: EventStore;
  readStore: ReadStore;
  projector: Projector | null;
  gateway: Gateway | null;
  /** Casework services, including the deadline scheduler (tests tick it directly). */
  casework: CaseworkModule;
  logger: Logger;
  close(): Promise<void>;
}

export interface PlatformOverrides {
  /** An already open SQL client (tests pass a fresh schema); otherwise opened from the configuration. */
  sql?: SqlClient;
  logger?: Logger;
  /** The clock commands use. */
  now?: () => Date;
}

/** The GraphQL modules and projections of every domain service, wired to the stores. */
export function wireModules(
  eventStore: EventStore,
  readStore: ReadStore,
  waitForPosition: (position: number, timeoutMs: number) => Promise<boolean>,
  config: Config,
  now: () => Date,
  personalData: PersonalData,
) {
  const liaison = createLiaisonModule(eventStore, {
    readStore,
    waitForPosition,
    readYourWritesTimeoutMs: config.READ_YOUR_WRITES_TIMEOUT_MS,
    now,
  });
  const casework = createCaseworkModule(eventStore, {
    readStore,
    personalData,
    // The weekday stand-in until the office working-day calendar (packages/calendar) is wired here.
    calendar: weekdayCalendar,
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
  const modules: GatewayModule[] = [liaison.gateway, casework.gateway];
  const projections: Projection[] = [...liaison.projections, ...casework.projections];
  return { modules, projections, casework };
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
  const eventStore = await SqlEventStore.open(sql);
  const readStore = await SqlReadStore.open(sql);
  const personalData = new PersonalData(await SqlKeyVault.open(sql));

  let projector: Projector | null = null;
  const waitForPosition = (position: number, timeoutMs: number): Promise<boolean> =>
    projector
      ? projector.waitFor(position, timeoutMs)
      : waitForCheckpoints(readStore, projectionNames, position, timeoutMs);
  const { modules, projections, casework } = wireModules(
    eventStore,
    readStore,
    waitForPosition,
    config,
    overrides.now ?? (() => new Date()),
    personalData,
  );
  const projectionNames = projections.map((projection) => projection.name);

  if (config.SERVICES.includes('projector')) {
    projector = new Projector(eventStore, readStore, projections, {
      batchSize: config.PROJECTOR_BATCH_SIZE,
      logger,
    });
    await projector.start();
    logger.info({ projections: projectionNames, driver: sql.driver }, 'projector started');
    if (config.CASE_SCHEDULER_INTERVAL_MS > 0) {
      casework.scheduler.start({
        intervalMs: config.CASE_SCHEDULER_INTERVAL_MS,
        onError: (error) => logger.error({ err: error }, 'deadline scheduler tick failed'),
      });
    }
  }

  let gateway: Gateway | null = null;
  let url: string | null = null;
  if (config.SERVICES.includes('gateway')) {
    gateway = await createGateway({
      modules,
      verifyToken: createTokenVerifier(loadJwtConfig()),
      logger,
      metrics: createMetrics(),
      waitForPosition,
      readYourWritesTimeoutMs: config.READ_YOUR_WRITES_TIMEOUT_MS,
      ready: async () => {
        await sql.query('SELECT 1');
        return true;
      },
      limits: {
        maxDepth: config.MAX_QUERY_DEPTH,
        maxCost: config.MAX_QUERY_COST,
        maxBodyBytes: config.MAX_BODY_BYTES,
      },
    });
    ({ url } = await gateway.listen(config.PORT, config.HOST));
    logger.info({ url, driver: sql.driver }, 'gateway listening');
  }

  return {
    url,
    eventStore,
    readStore,
    projector,
    gateway,
    casework,
    logger,
    async close() {
      await casework.scheduler.stop();
      await gateway?.close();
      await projector?.stop();
      await eventStore.close();
      await readStore.close();
      if (!overrides.sql) await sql.close();
    },
  };
}
