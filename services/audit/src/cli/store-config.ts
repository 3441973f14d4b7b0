// Where the command-line tools find the event store: the same variables the platform reads.
import { openSql, type SqlClient } from '@liaison/sql';
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data/pglite'),
  DB_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'expected lower-case letters, digits and underscores')
    .default('liaison'),
});

/** Opens the SQL database DATABASE_URL / DATA_DIR / DB_SCHEMA name; throws naming every bad variable. */
export function openConfiguredSql(env: Record<string, string | undefined> = process.env): Promise<SqlClient> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const { DATABASE_URL, DATA_DIR, DB_SCHEMA } = result.data;
  return openSql({
    databaseUrl: DATABASE_URL,
    dataDir: DATA_DIR === 'memory' ? undefined : DATA_DIR,
    schema: DB_SCHEMA,
  });
}
