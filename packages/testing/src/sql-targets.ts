// The SQL stores every storage test runs against: PGlite always, PostgreSQL when DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import { emptyPgliteImage, openPglite, openPostgres, quoteIdent, type SqlClient } from '@liaison/sql';

export interface SqlTarget {
  name: 'PGlite' | 'PostgreSQL';
  /** A fresh, empty database (PGlite in memory) or schema (PostgreSQL) for one test. */
  open(): Promise<SqlClient>;
  /** Closes the client and drops what `open` made. */
  dispose(client: SqlClient): Promise<void>;
}

/** The PostgreSQL URL tests use, when the environment gives one. */
export function testDatabaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

/** One empty cluster's image per test process: each test's database is a fresh copy of it. */
let emptyImage: Promise<Blob> | undefined;

export const pgliteTarget: SqlTarget = {
  name: 'PGlite',
  open: async () => openPglite({ schema: 'liaison', image: await (emptyImage ??= emptyPgliteImage()) }),
  dispose: (client) => client.close(),
};

/** A target on the PostgreSQL server at `url`, one new schema per test. */
export function postgresTarget(url: string): SqlTarget {
  return {
    name: 'PostgreSQL',
    open: () =>
      openPostgres({
        connectionString: url,
        schema: `t_${randomBytes(6).toString('hex')}`,
        maxConnections: 12,
      }),
    async dispose(client) {
      await client.exec(`DROP SCHEMA IF EXISTS ${quoteIdent(client.schema)} CASCADE`);
      await client.close();
    },
  };
}

/** Every SQL target available in this environment. */
export function testSqlTargets(): SqlTarget[] {
  const url = testDatabaseUrl();
  return url ? [pgliteTarget, postgresTarget(url)] : [pgliteTarget];
}
