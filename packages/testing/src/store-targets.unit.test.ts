import { MONGO_SKIP_NOTE, testMongoUrl } from './mongo-target.js';
import { testDatabaseUrl, testSqlTargets } from './sql-targets.js';
import { testStoreTargets, withDatabase } from './store-targets.js';

// Says plainly which stores the storage tests ran against, so a missing server shows as a skip, not silence.
describe('storage test targets', () => {
  it('always include embedded PGlite', () => {
    expect(testSqlTargets().map((t) => t.name)).toContain('PGlite');
  });
  (testDatabaseUrl() ? it : it.skip)('include PostgreSQL (skipped: DATABASE_URL is not set)', () => {
    expect(testSqlTargets().map((t) => t.name)).toEqual(['PGlite', 'PostgreSQL']);
  });
});

describe('end-to-end store combinations', () => {
  it('run the platform on every SQL target', () => {
    const sqlNames = testSqlTargets().map((t) => t.name);
    expect(
      testStoreTargets()
        .map((t) => t.name)
        .slice(0, sqlNames.length),
    ).toEqual(sqlNames);
  });
  (testMongoUrl() ? it : it.skip)(`add SQL events with MongoDB read models (${MONGO_SKIP_NOTE})`, () => {
    expect(testStoreTargets().map((t) => t.name)).toContain(
      `${testDatabaseUrl() ? 'PostgreSQL' : 'PGlite'} events + MongoDB read models`,
    );
  });
  it('name a fresh database in the MongoDB URL, keeping hosts and options', () => {
    expect(withDatabase('mongodb://127.0.0.1:27017/', 't_1')).toBe('mongodb://127.0.0.1:27017/t_1');
    expect(withDatabase('mongodb://a:1,b:2/old?replicaSet=rs0', 't_2')).toBe(
      'mongodb://a:1,b:2/t_2?replicaSet=rs0',
    );
    expect(withDatabase('mongodb+srv://cluster.example.org', 't_3')).toBe(
      'mongodb+srv://cluster.example.org/t_3',
    );
  });
});
