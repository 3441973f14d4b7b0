// Runs the read store contract against the SQL adapter on every SQL target: PGlite, and PostgreSQL when configured.
import { SqlReadStore } from '@liaison/readstore';
import { describeReadStoreContract } from '@liaison/readstore/contract';
import { testSqlTargets } from '@liaison/testing';

for (const target of testSqlTargets()) {
  describeReadStoreContract(`SqlReadStore on ${target.name}`, async () => {
    const sql = await target.open();
    const store = await SqlReadStore.open(sql);
    return {
      store,
      async dispose() {
        await store.close();
        await target.dispose(sql);
      },
    };
  });
}
