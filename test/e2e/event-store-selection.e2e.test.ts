// Configuration alone chooses where events live: with EVENTSTORE_URL the platform opens the KurrentDB adapter,
// keeps its read models in the SQL store, and is not ready while KurrentDB does not answer. (Without it, every
// other end-to-end test runs on the SQL event store.)
import { KurrentEventStore } from '@liaison/eventstore/kurrent';
import { pgliteTarget } from '@liaison/testing';
import { loadConfig, startPlatform } from '@liaison/standalone';

const base = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SERVICES: 'gateway' };

describe('where the platform keeps events', () => {
  it('keeps them in KurrentDB with EVENTSTORE_URL, and is not ready while KurrentDB does not answer', async () => {
    const sql = await pgliteTarget.open();
    // Nothing listens on port 1: the store is opened, and the readiness check finds it unreachable.
    const config = loadConfig({
      ...base,
      EVENTSTORE_URL: 'kurrentdb://127.0.0.1:1?tls=false&defaultDeadline=2000',
    });
    const platform = await startPlatform(config, { sql });
    try {
      expect(platform.eventStore).toBeInstanceOf(KurrentEventStore);
      expect((await fetch(new URL('/healthz', platform.url!))).status).toBe(200);
      expect((await fetch(new URL('/readyz', platform.url!))).status).toBe(503);
    } finally {
      await platform.close();
      await pgliteTarget.dispose(sql);
    }
  });
});
