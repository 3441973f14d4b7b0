// Opens the read store the configuration names: MongoDB when MONGODB_URL is set, else SQL beside the events.
import { MongoReadStore, SqlReadStore, type ReadStore } from '@liaison/readstore';
import type { SqlClient } from '@liaison/sql';
import { MongoClient } from 'mongodb';
import type { Config } from './config.js';

export interface OpenedReadStore {
  store: ReadStore;
  kind: 'sql' | 'mongodb';
  /** Throws when the read store's server does not answer (readiness). */
  ping(): Promise<void>;
  /** Closes the store and whatever connection it opened (the SQL client belongs to the caller). */
  close(): Promise<void>;
}

/** The database a MongoDB URL names in its path, if any. */
export function mongoDatabaseName(url: string): string | null {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]+)/.exec(url);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** The read store for `config`: MongoReadStore on MONGODB_URL's database, else SqlReadStore on `sql`. */
export async function openReadStore(config: Config, sql: SqlClient): Promise<OpenedReadStore> {
  if (!config.MONGODB_URL) {
    const store = await SqlReadStore.open(sql);
    return { store, kind: 'sql', ping: () => Promise.resolve(), close: () => store.close() };
  }
  const client = await new MongoClient(config.MONGODB_URL, { serverSelectionTimeoutMS: 10_000 }).connect();
  try {
    const db = client.db(mongoDatabaseName(config.MONGODB_URL) ?? config.DB_SCHEMA);
    const store = await MongoReadStore.open(db);
    return {
      store,
      kind: 'mongodb',
      ping: async () => {
        await db.command({ ping: 1 });
      },
      async close() {
        await store.close();
        await client.close();
      },
    };
  } catch (error) {
    await client.close();
    throw error;
  }
}
