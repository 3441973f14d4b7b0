// Configuration alone chooses where events live: with EVENTSTORE_URL the platform opens the KurrentDB adapter,
// keeps its read models in the SQL store, and is not ready while KurrentDB does not answer. With a server at
// EVENTSTORE_URL, a write goes through it end to end. (Every other end-to-end test runs on the SQL event store.)
import { loadJwtConfig, mintToken } from '@liaison/auth';
import { KurrentEventStore } from '@liaison/eventstore/kurrent';
import { pgliteTarget } from '@liaison/testing';
import { loadConfig, startPlatform } from '@liaison/standalone';
import { graphql } from './graphql-client.js';

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

  const server = process.env.EVENTSTORE_URL || undefined;
  (server ? it : it.skip)(
    'registers a jurisdiction through HTTP with events in the KurrentDB at EVENTSTORE_URL and reads it back',
    async () => {
      const sql = await pgliteTarget.open();
      const platform = await startPlatform(
        loadConfig({ ...base, SERVICES: 'gateway,projector', EVENTSTORE_URL: server }),
        { sql },
      );
      try {
        const admin = await mintToken(
          loadJwtConfig({}),
          { userId: 'admin-1', roles: ['admin'], jurisdictionId: null },
          { expiresIn: '10m' },
        );
        const code = String(Date.now() % 1_000_000).padStart(6, '0');
        const registered = await graphql(
          platform.url!,
          `
            mutation ($input: RegisterJurisdictionInput!) {
              registerJurisdiction(input: $input) {
                jurisdiction {
                  id
                  name
                }
                userErrors {
                  code
                }
                position
              }
            }
          `,
          { input: { name: `Province ${code}`, level: 'PROVINCE', code } },
          admin,
        );
        expect(registered.errors).toBeUndefined();
        const payload = registered.data!.registerJurisdiction;
        expect(payload.userErrors).toEqual([]);
        expect(payload.position).toBeGreaterThan(0);
        expect(payload.jurisdiction.name).toBe(`Province ${code}`);
        expect(await platform.eventStore.headPosition()).toBeGreaterThanOrEqual(payload.position);
        expect((await fetch(new URL('/readyz', platform.url!))).status).toBe(200);
      } finally {
        await platform.close();
        await pgliteTarget.dispose(sql);
      }
    },
  );
});
