// Runs the read store contract against the MongoDB adapter on the server at MONGODB_URL (CI: FerretDB on SQLite).
import { MongoReadStore } from '@liaison/readstore';
import { describeReadStoreContract } from '@liaison/readstore/contract';
import { MONGO_SKIP_NOTE, MongoTestServer, testMongoUrl } from '@liaison/testing';

const url = testMongoUrl();

if (url) {
  const server = new MongoTestServer(url);
  afterAll(() => server.close());
  describeReadStoreContract('MongoReadStore on MONGODB_URL', async () => {
    const { db, dispose } = await server.database();
    const store = await MongoReadStore.open(db);
    return {
      store,
      async dispose() {
        await store.close();
        await dispose();
      },
    };
  });
} else {
  describe('ReadStore contract on MongoReadStore', () => {
    it.skip(MONGO_SKIP_NOTE, () => undefined);
  });
}
