// Shared helpers of the read store contract: fresh stores, write builders and error assertions.
import type { CollectionSpec, DocumentWrite, ReadDocument, ReadStore } from '../read-store.js';
import { ReadStoreError, type ReadStoreErrorCode } from '../errors.js';

/** Opens a fresh, empty store (its own database or schema) and disposes of it afterwards. */
export type ReadStoreFactory = () => Promise<{ store: ReadStore; dispose(): Promise<void> }>;

export interface StoreHandle {
  readonly store: ReadStore;
}

function handle(open: () => ReadStore | undefined): StoreHandle {
  return {
    get store() {
      const store = open();
      if (!store) throw new Error('expected a store opened by beforeEach/beforeAll, received none');
      return store;
    },
  };
}

/** Gives every test of the enclosing describe block a store of its own. */
export function storePerTest(factory: ReadStoreFactory): StoreHandle {
  let opened: Awaited<ReturnType<ReadStoreFactory>> | undefined;
  beforeEach(async () => {
    opened = await factory();
  });
  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
  });
  return handle(() => opened?.store);
}

/** One store for a describe block whose tests only read what `beforeAll` seeded, or write their own collections. */
export function storePerBlock(
  factory: ReadStoreFactory,
  seed?: (store: ReadStore) => Promise<void>,
): StoreHandle {
  let opened: Awaited<ReturnType<ReadStoreFactory>> | undefined;
  beforeAll(async () => {
    opened = await factory();
    await seed?.(opened.store);
  });
  afterAll(async () => {
    await opened?.dispose();
    opened = undefined;
  });
  return handle(() => opened?.store);
}

let names = 0;
/** A collection or checkpoint name no other test uses. */
export function uniqueName(prefix: string): string {
  names += 1;
  return `${prefix}_${names}`;
}

/** An upsert of `document` at `position`. */
export function put(collection: string, position: number, document: ReadDocument): DocumentWrite {
  return { collection, id: document.id, position, document };
}

/** A delete (tombstone) of `id` at `position`. */
export function remove(collection: string, id: string, position: number): DocumentWrite {
  return { collection, id, position, document: null };
}

/** A spec with the given fields, for a collection queried under `name`. */
export function spec(
  name: string,
  fields: CollectionSpec['fields'],
  indexes?: CollectionSpec['indexes'],
): CollectionSpec {
  return indexes ? { name, fields, indexes } : { name, fields };
}

/** Creates a physical collection, aliases it under its spec's name and writes `documents` at position 1. */
export async function seedCollection(
  store: ReadStore,
  physical: string,
  collectionSpec: CollectionSpec,
  documents: readonly ReadDocument[],
): Promise<void> {
  await store.createCollection(physical, collectionSpec);
  await store.commit(documents.map((document) => put(physical, 1, document)));
  await store.setAlias(collectionSpec.name, physical);
}

/** Awaits `promise` and asserts it failed with a ReadStoreError of `code` whose message says expected/received. */
export async function expectReadStoreError(
  promise: Promise<unknown>,
  code: ReadStoreErrorCode,
): Promise<ReadStoreError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(ReadStoreError);
  const error = outcome as ReadStoreError;
  expect(error.code).toBe(code);
  expect(error.message).toMatch(/expected/i);
  expect(error.message).toMatch(/received/i);
  return error;
}

/** The ids of documents, in order. */
export const idsOf = (documents: ReadonlyArray<ReadDocument | null>): Array<string | null> =>
  documents.map((document) => document?.id ?? null);
