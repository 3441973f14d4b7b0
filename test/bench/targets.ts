// The stores a benchmark runs on: PGlite in memory always, PostgreSQL when DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import { openPglite, openPostgres, quoteIdent, type SqlClient } from '@liaison/sql';

export interface BenchTarget {
  name: string;
  open(): Promise<SqlClient>;
  dispose(sql: SqlClient): Promise<void>;
}

/** Every store available to benchmark in this environment. */
export function benchTargets(databaseUrl: string | undefined): BenchTarget[] {
  const targets: BenchTarget[] = [
    { name: 'PGlite', open: () => openPglite({ schema: 'bench' }), dispose: (sql) => sql.close() },
  ];
  if (databaseUrl) {
    targets.push({
      name: 'PostgreSQL',
      open: () =>
        openPostgres({ connectionString: databaseUrl, schema: `bench_${randomBytes(4).toString('hex')}` }),
      async dispose(sql) {
        await sql.exec(`DROP SCHEMA IF EXISTS ${quoteIdent(sql.schema)} CASCADE`);
        await sql.close();
      },
    });
  }
  return targets;
}
