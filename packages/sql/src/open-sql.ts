// Chooses the driver from configuration: a PostgreSQL URL when given, else embedded PGlite.
import { openPglite } from './pglite-client.js';
import { openPostgres } from './postgres-client.js';
import type { SqlClient } from './sql-client.js';

export interface SqlConfig {
  /** postgres://… selects PostgreSQL; absent selects PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; absent means in memory. */
  dataDir?: string | undefined;
  schema?: string | undefined;
}

/** Opens the SQL client the configuration names. */
export function openSql(config: SqlConfig): Promise<SqlClient> {
  const schema = config.schema ?? 'public';
  if (config.databaseUrl) return openPostgres({ connectionString: config.databaseUrl, schema });
  return openPglite({ ...(config.dataDir ? { dataDir: config.dataDir } : {}), schema });
}
