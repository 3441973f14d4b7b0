// The store combinations end-to-end tests run the platform on: each SQL target, plus SQL events with MongoDB read
// models when MONGODB_URL is set.
import type { SqlClient } from '@liaison/sql';
import { MongoTestServer, testMongoUrl } from './mongo-target.js';
import { testSqlTargets, type SqlTarget } from './sql-targets.js';

/** Fresh stores for one test: the SQL client the platform gets, and the environment that picks read models. */
export interface OpenedStores {
  /** Events, and read models unless `env` sends them elsewhere. */
  sql: SqlClient;
  /** Configuration variables to add, e.g. MONGODB_URL naming a fresh database. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export interface StoreTarget {
  name: string;
  open(): Promise<OpenedStores>;
}

const onSql = (target: SqlTarget): StoreTarget => ({
  name: target.name,
  async open() {
    const sql = await target.open();
    return { sql, env: {}, dispose: () => target.dispose(sql) };
  },
});

/** Events on `events` (its last SQL target: PostgreSQL when configured), read models in a fresh MongoDB database. */
function withMongoReadModels(events: SqlTarget, server: MongoTestServer): StoreTarget {
  return {
    name: `${events.name} events + MongoDB read models`,
    async open() {
      const sql = await events.open();
      const database = await server.database();
      return {
        sql,
        env: { MONGODB_URL: withDatabase(server.url, database.db.databaseName) },
        async dispose() {
          await database.dispose();
          await events.dispose(sql);
        },
      };
    },
  };
}

/** `url` naming `database` in its path, keeping its hosts and options. */
export function withDatabase(url: string, database: string): string {
  const [base = '', ...options] = url.split('?');
  const hosts = /^mongodb(?:\+srv)?:\/\/[^/]*/.exec(base)?.[0];
  if (!hosts) throw new Error(`expected a mongodb:// URL, received "${url}"`);
  return [`${hosts}/${database}`, ...options].join('?');
}

let mongoServer: MongoTestServer | null = null;

/**
 * Every store combination available here: PGlite, PostgreSQL when DATABASE_URL is set, and (when MONGODB_URL is
 * set) PostgreSQL (else PGlite) events with MongoDB read models. The MongoDB client is shared by the test file:
 * call closeStoreTargets in afterAll.
 */
export function testStoreTargets(): StoreTarget[] {
  const sql = testSqlTargets();
  const targets = sql.map(onSql);
  const mongoUrl = testMongoUrl();
  const events = sql.at(-1);
  if (mongoUrl && events) {
    mongoServer ??= new MongoTestServer(mongoUrl);
    targets.push(withMongoReadModels(events, mongoServer));
  }
  return targets;
}

/** Closes the MongoDB client testStoreTargets opened, if any (for afterAll). */
export async function closeStoreTargets(): Promise<void> {
  const server = mongoServer;
  mongoServer = null;
  await server?.close();
}
