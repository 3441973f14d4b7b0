// Helpers of the projector's integration tests (not exported from the package).
import type { NewEvent } from '@liaison/eventstore';
import { MongoReadStore, SqlReadStore, type ReadStore } from '@liaison/readstore';
import type { OpenedStores, StoreTarget } from '@liaison/testing';
import { MongoClient } from 'mongodb';

/** An event of `type` whose data is `{ label }`, with fresh ids. */
export function labelEvent(type: string, label: string): NewEvent {
  return {
    id: crypto.randomUUID(),
    type,
    data: { label },
    occurredAt: new Date().toISOString(),
    metadata: {
      actorId: 'a',
      role: 'admin',
      jurisdictionId: null,
      commandId: crypto.randomUUID(),
      correlationId: 'c',
      causationId: null,
    },
  };
}

/** Resolves once `predicate` holds, polling; fails after `timeoutMs`. */
export async function until(predicate: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The stores of one test, and read stores of their own as separate processes would open them. */
export interface ProcessStores {
  /** The target's stores, opened before each test. */
  readonly stores: OpenedStores;
  /** A read store with its own connection, closed after the test. */
  readStore(): Promise<ReadStore>;
}

/** Opens `target`'s stores before each test of the calling describe block and disposes of them after it. */
export function processStores(target: StoreTarget): ProcessStores {
  let stores: OpenedStores | null = null;
  let mongo: MongoClient | null = null;
  const opened: ReadStore[] = [];
  beforeEach(async () => {
    stores = await target.open();
    const mongoUrl = stores.env.MONGODB_URL;
    mongo = mongoUrl ? await new MongoClient(mongoUrl).connect() : null;
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await mongo?.close();
    mongo = null;
    await stores?.dispose();
    stores = null;
  });
  const current = (): OpenedStores => {
    if (!stores) throw new Error('expected the stores to be open: use them inside a test');
    return stores;
  };
  return {
    get stores() {
      return current();
    },
    async readStore() {
      const store = mongo ? await MongoReadStore.open(mongo.db()) : await SqlReadStore.open(current().sql);
      opened.push(store);
      return store;
    },
  };
}
