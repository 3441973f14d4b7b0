// Runs the event store contract against KurrentDB / EventStoreDB at EVENTSTORE_URL; skipped (and said so) without
// one. Every store gets its own stream namespace on the shared server, so each test starts from an empty log.
import { randomBytes } from 'node:crypto';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { describeEventStoreContract } from '@liaison/eventstore/contract';
import { KurrentEventStore } from '@liaison/eventstore/kurrent';

const url = process.env.EVENTSTORE_URL || undefined;
if (!url) console.log('skipped: EventStoreDB contract (EVENTSTORE_URL not set)');

(url ? describe : describe.skip)(`KurrentDB at ${url ?? 'EVENTSTORE_URL (not set)'}`, () => {
  let client: KurrentDBClient | undefined;
  beforeAll(() => {
    client = KurrentDBClient.connectionString(url!);
  });
  afterAll(async () => {
    await client?.dispose();
  });

  describeEventStoreContract('KurrentEventStore', (options) => {
    if (!client) throw new Error('expected a KurrentDB client, but none is open outside the suite');
    const store = new KurrentEventStore(client, {
      ...options,
      namespace: `t${randomBytes(6).toString('hex')}_`,
      pollIntervalMs: 250,
    });
    return Promise.resolve({ store, dispose: () => store.close() });
  });
});
