// The platform end-to-end tests run: every service in one process on fresh stores of one store target.
import { MongoReadStore, SqlReadStore } from '@liaison/readstore';
import type { SqlClient } from '@liaison/sql';
import { loadConfig, startPlatform, type Platform, type PlatformOverrides } from '@liaison/standalone';
import type { StoreTarget } from '@liaison/testing';

export interface TestPlatform {
  platform: Platform;
  /** The GraphQL endpoint. */
  url: string;
  /** The SQL client holding the events (and the read models unless the target sends them to MongoDB). */
  sql: SqlClient;
  /** Stops the platform and drops its stores. */
  close(): Promise<void>;
}

/**
 * Starts the platform on fresh stores of `target`, on a free loopback port, logging nothing. `env` adds
 * configuration variables; `overrides` the clock and scheduler settings.
 */
export async function startTestPlatform(
  target: StoreTarget,
  env: Record<string, string> = {},
  overrides: Omit<PlatformOverrides, 'sql'> = {},
): Promise<TestPlatform> {
  const stores = await target.open();
  let platform: Platform;
  try {
    platform = await startPlatform(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        // The walks read their own writes at once; on a loaded 2-core CI machine read models on the
        // MongoDB-wire test server can take longer than the production default (2 s) to pass a write.
        READ_YOUR_WRITES_TIMEOUT_MS: '30000',
        ...env,
        ...stores.env,
      }),
      { ...overrides, sql: stores.sql },
    );
  } catch (error) {
    await stores.dispose();
    throw error;
  }
  // The combination is real: read models go where the target's configuration sends them.
  const expected = stores.env.MONGODB_URL ? MongoReadStore : SqlReadStore;
  if (!(platform.readStore instanceof expected)) {
    await platform.close();
    await stores.dispose();
    throw new Error(`expected read models in ${expected.name} on ${target.name}, received another store`);
  }
  return {
    platform,
    url: platform.url!,
    sql: stores.sql,
    async close() {
      await platform.close();
      await stores.dispose();
    },
  };
}
