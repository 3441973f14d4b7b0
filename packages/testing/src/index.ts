export {
  testSqlTargets,
  testDatabaseUrl,
  pgliteTarget,
  postgresTarget,
  type SqlTarget,
} from './sql-targets.js';
