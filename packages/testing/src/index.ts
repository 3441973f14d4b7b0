export {
  testSqlTargets,
  testDatabaseUrl,
  pgliteTarget,
  postgresTarget,
  type SqlTarget,
} from './sql-targets.js';
export { testMongoUrl, MongoTestServer, MONGO_SKIP_NOTE, type MongoTestDatabase } from './mongo-target.js';
