// The MongoDB-wire server storage tests use for read models when MONGODB_URL is set (CI: infra/ferretdb).
import { randomBytes } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';

/** The MongoDB URL tests use, when the environment gives one. */
export function testMongoUrl(): string | undefined {
  return process.env.MONGODB_URL || undefined;
}

/** What a skipped MongoDB test says, so a missing server shows as a skip, not silence. */
export const MONGO_SKIP_NOTE =
  'skipped: MONGODB_URL is not set (infra/ferretdb/start.sh starts a test server)';

export interface MongoTestDatabase {
  db: Db;
  /** Drops the database. */
  dispose(): Promise<void>;
}

/** One client for a test file: `database()` gives a fresh, empty database per test; `close()` in afterAll. */
export class MongoTestServer {
  private client: Promise<MongoClient> | null = null;

  constructor(readonly url: string) {}

  /** A fresh database named for no other test. */
  async database(): Promise<MongoTestDatabase> {
    this.client ??= new MongoClient(this.url, { serverSelectionTimeoutMS: 5000 }).connect();
    const db = (await this.client).db(`t_${randomBytes(6).toString('hex')}`);
    return { db, dispose: () => db.dropDatabase().then(() => undefined) };
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    await (await client)?.close();
  }
}
