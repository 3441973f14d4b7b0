// Runs the event store contract against the SQL adapter on every SQL target of this environment.
import { SqlEventStore } from '@liaison/eventstore';
import { describeEventStoreContract } from '@liaison/eventstore/contract';
import { testSqlTargets } from '@liaison/testing';

for (const target of testSqlTargets()) {
  describeEventStoreContract(`SqlEventStore on ${target.name}`, async (options) => {
    const sql = await target.open();
    const store = await SqlEventStore.open(sql, { ...options, pollIntervalMs: 250 });
    return {
      store,
      async dispose() {
        await store.close();
        await target.dispose(sql);
      },
    };
  });
}
