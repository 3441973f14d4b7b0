export {
  testSqlTargets,
  testDatabaseUrl,
  pgliteTarget,
  postgresTarget,
  type SqlTarget,
} from './sql-targets.js';
export { testMongoUrl, MongoTestServer, MONGO_SKIP_NOTE, type MongoTestDatabase } from './mongo-target.js';
export { testStoreTargets, closeStoreTargets, type StoreTarget, type OpenedStores } from './store-targets.js';
