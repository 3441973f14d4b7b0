// The composition root: opens the stores, wires every module, and starts the services this process runs.
import { createTokenVerifier, loadJwtConfig } from '@liaison/auth';
import { SqlEventStore, type EventStore } from '@liaison/eventstore';
import { createGateway, type Gateway } from '@liaison/gateway';
import type { GatewayModule } from '@liaison/graphql-kit';
import { createLiaisonModule } from '@liaison/liaison';
import { createRelayModule, NatsBridge, type WebhookDispatcher } from '@liaison/relay';
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
  sql: SqlClient,
) {
  const liaison = createLiaisonModule(eventStore, {
    readStore,
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
  const modules: GatewayModule[] = [liaison.gateway, relay.gateway];
  const projections: Projection[] = [...liaison.projections, ...relay.projections];
  return { modules, projections, relay };
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

  let projector: Projector | null = null;
  const waitForPosition = (position: number, timeoutMs: number): Promise<boolean> =>
    projector
      ? projector.waitFor(position, timeoutMs)
      : waitForCheckpoints(readStore, projectionNames, position, timeoutMs);
  const { modules, projections, relay } = wireModules(
    eventStore,
    readStore,
    waitForPosition,
    config,
    overrides.now ?? (() => new Date()),
    sql,
  );
  await relay.prepare();
  const projectionNames = projections.map((projection) => projection.name);

  if (config.SERVICES.includes('projector')) {
    projector = new Projector(eventStore, readStore, projections, {
      batchSize: config.PROJECTOR_BATCH_SIZE,
      logger,
    });
    await projector.start();
    logger.info({ projections: projectionNames, driver: sql.driver }, 'projector started');
  }

  let dispatcher: WebhookDispatcher | null = null;
  if (config.SERVICES.includes('relay')) {
    dispatcher = relay.createDispatcher({
      logger,
      timeoutMs: config.RELAY_WEBHOOK_TIMEOUT_MS,
      pollMs: config.RELAY_POLL_MS,
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

  return {
    url,
    eventStore,
    readStore,
    projector,
    gateway,
    logger,
    async close() {
      await closeSubscriptions?.();
      await gateway?.close();
      await dispatcher?.stop();
      await bridge?.stop();
      await projector?.stop();
      await eventStore.close();
      await readStore.close();
      if (!overrides.sql) await sql.close();
    },
  };
}
