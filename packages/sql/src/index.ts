export type { SqlClient, SqlExecutor, SqlRow } from './sql-client.js';
export { quoteIdent, assertSchemaName } from './sql-client.js';
export { emptyPgliteImage, openPglite, type PgliteOptions } from './pglite-client.js';
export { openPostgres, type PostgresOptions } from './postgres-client.js';
export { openSql, type SqlConfig } from './open-sql.js';
export { StatisticsUpkeep, type StatisticsUpkeepOptions } from './statistics-upkeep.js';
