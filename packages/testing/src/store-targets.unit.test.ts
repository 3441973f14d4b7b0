import { testDatabaseUrl, testSqlTargets } from './sql-targets.js';

// Says plainly which stores the storage tests ran against, so a missing server shows as a skip, not silence.
describe('storage test targets', () => {
  it('always include embedded PGlite', () => {
    expect(testSqlTargets().map((t) => t.name)).toContain('PGlite');
  });
  (testDatabaseUrl() ? it : it.skip)('include PostgreSQL (skipped: DATABASE_URL is not set)', () => {
    expect(testSqlTargets().map((t) => t.name)).toEqual(['PGlite', 'PostgreSQL']);
  });
});
