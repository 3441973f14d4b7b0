// What the MongoDB adapter adds beyond the contract: undo across collections, concurrent writers and readers in
// other processes, and the indexes it declares. Runs on the server at MONGODB_URL (CI: FerretDB on SQLite).
import type { CollectionOptions, Db } from 'mongodb';
import { MONGO_SKIP_NOTE, MongoTestServer, testMongoUrl, type MongoTestDatabase } from '@liaison/testing';
import type { CollectionSpec, DocumentWrite, ReadDocument } from '../read-store.js';
import { MongoReadStore } from './mongo-read-store.js';

const url = testMongoUrl();

/** `db`, except that the first `find(...).toArray()` on `collection` runs `meanwhile` before it returns. */
function afterFirstRead(db: Db, collection: string, meanwhile: () => Promise<void>): Db {
  let pending = true;
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property !== 'collection') return Reflect.get(target, property, receiver) as unknown;
      return (name: string, options?: CollectionOptions) => {
        const inner = target.collection(name, options);
        if (name !== collection) return inner;
        return new Proxy(inner, {
          get(coll, key, r) {
            if (key !== 'find') return Reflect.get(coll, key, r) as unknown;
            return (...args: Parameters<typeof inner.find>) => {
              const cursor = inner.find(...args);
              const toArray = cursor.toArray.bind(cursor);
              cursor.toArray = async () => {
                const records = await toArray();
                if (pending) {
                  pending = false;
                  await meanwhile();
                }
                return records;
              };
              return cursor;
            };
          },
        });
      };
    },
  });
}

const put = (collection: string, position: number, document: ReadDocument): DocumentWrite => ({
  collection,
  id: document.id,
  position,
  document,
});

const deputies: CollectionSpec = {
  name: 'deputies',
  fields: { email: { kind: 'string' }, 'office.floor': { kind: 'number' } },
  indexes: [{ fields: ['email'], unique: true }, { fields: ['office.floor'] }],
};
const notes: CollectionSpec = { name: 'notes', fields: { title: { kind: 'string' } } };

(url ? describe : describe.skip)(
  `MongoReadStore beyond the contract${url ? '' : ` (${MONGO_SKIP_NOTE})`}`,
  () => {
    const server = new MongoTestServer(url ?? '');
    let database: MongoTestDatabase;
    let store: MongoReadStore;

    beforeEach(async () => {
      database = await server.database();
      store = await MongoReadStore.open(database.db);
    });
    afterEach(async () => {
      await store.close();
      await database.dispose();
    });
    afterAll(() => server.close());

    it('a commit failing in its second collection undoes what it wrote to the first, and writes no checkpoint', async () => {
      await store.createCollection('notes_1', notes);
      await store.createCollection('deputies_1', deputies);
      await store.commit(
        [
          put('notes_1', 1, { id: 'n1', title: 'kept' }),
          put('deputies_1', 1, { id: 'd1', email: 'li@example.org' }),
        ],
        [{ name: 'p', position: 1 }],
      );
      await expect(
        store.commit(
          [
            put('notes_1', 2, { id: 'n1', title: 'rewritten' }),
            put('notes_1', 2, { id: 'n2', title: 'new' }),
            put('deputies_1', 2, { id: 'd2', email: 'li@example.org' }),
          ],
          [{ name: 'p', position: 2 }],
        ),
      ).rejects.toThrow(/duplicate key/i);
      expect([...(await store.getMany('notes_1', ['n1', 'n2'])).values()]).toEqual([
        { document: { id: 'n1', title: 'kept' }, position: 1 },
      ]);
      expect([...(await store.getMany('deputies_1', ['d1', 'd2'])).keys()]).toEqual(['d1']);
      expect(await store.getCheckpoint('p')).toBe(1);
    });

    // Another writer slips in between the commit's read of the stored records and its writes. (Interleaved here
    // on purpose: FerretDB 1.x evaluates an update's filter in Go and then writes by _id, so only MongoDB makes a
    // conditional replace atomic against another connection; the platform runs one projector, docs/operations.md.)
    it('a commit whose records another writer changed meanwhile overwrites nothing newer and undoes its own writes', async () => {
      const other = await MongoReadStore.open(database.db);
      await store.createCollection('notes_1', notes);
      await store.commit([put('notes_1', 1, { id: 'n0', title: 'before' })]);
      const racing = await MongoReadStore.open(
        afterFirstRead(database.db, 'read_doc_notes_1', () =>
          other.commit([put('notes_1', 8, { id: 'n9', title: 'theirs' })]),
        ),
      );
      const batch = [
        put('notes_1', 5, { id: 'n0', title: 'ours' }),
        put('notes_1', 5, { id: 'n9', title: 'ours' }),
      ];
      await expect(racing.commit(batch, [{ name: 'p', position: 5 }])).rejects.toThrow(/duplicate key/i);
      const titles = async () =>
        [...(await store.getMany('notes_1', ['n0', 'n9'])).values()].map((d) => [
          d.position,
          d.document.title,
        ]);
      expect(await titles()).toEqual([
        [1, 'before'],
        [8, 'theirs'],
      ]);
      expect(await store.getCheckpoint('p')).toBe(0);
      // The runner's retry reads again: the newer document stays, the rest lands.
      await racing.commit(batch, [{ name: 'p', position: 5 }]);
      expect(await titles()).toEqual([
        [5, 'ours'],
        [8, 'theirs'],
      ]);
      expect(await store.getCheckpoint('p')).toBe(5);
    });

    it('a commit whose conditional replace another writer beat fails and leaves the newer document', async () => {
      const other = await MongoReadStore.open(database.db);
      await store.createCollection('notes_1', notes);
      await store.commit([put('notes_1', 1, { id: 'n0', title: 'before' })]);
      const racing = await MongoReadStore.open(
        afterFirstRead(database.db, 'read_doc_notes_1', () =>
          other.commit([put('notes_1', 8, { id: 'n0', title: 'theirs' })]),
        ),
      );
      await expect(racing.commit([put('notes_1', 5, { id: 'n0', title: 'ours' })])).rejects.toThrow(
        /another writer changed them meanwhile/,
      );
      expect((await store.getMany('notes_1', ['n0'])).get('n0')).toEqual({
        document: { id: 'n0', title: 'theirs' },
        position: 8,
      });
    });

    it('a reader in another process follows an alias swap at once, with the new spec', async () => {
      const reader = await MongoReadStore.open(database.db);
      await store.createCollection('notes__v1', notes);
      await store.commit([put('notes__v1', 1, { id: 'a', title: 'old' })]);
      await store.setAlias('notes', 'notes__v1');
      expect((await reader.find('notes')).items.map((d) => d.title)).toEqual(['old']);

      const v2: CollectionSpec = {
        name: 'notes',
        fields: { title: { kind: 'string' }, rank: { kind: 'number' } },
      };
      await store.createCollection('notes__v2', v2);
      await store.commit([put('notes__v2', 2, { id: 'b', title: 'new', rank: 1 })]);
      await store.setAlias('notes', 'notes__v2');
      expect((await reader.find('notes', { filter: { rank: 1 } })).items.map((d) => d.title)).toEqual([
        'new',
      ]);
      expect(await reader.load('notes', ['a', 'b'])).toEqual([null, { id: 'b', title: 'new', rank: 1 }]);

      await store.dropCollection('notes__v2');
      await expect(reader.count('notes')).rejects.toMatchObject({ code: 'COLLECTION_NOT_FOUND' });
      await reader.close();
    });

    it('creates the declared indexes, and creating again with another spec is refused', async () => {
      await store.createCollection('deputies_1', deputies);
      const indexes = await database.db.collection('read_doc_deputies_1').listIndexes().toArray();
      expect(
        indexes
          .map((index) => [index.name, index.key, index.unique ?? false])
          .sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)),
      ).toEqual([
        ['_id_', { _id: 1 }, false],
        ['ix_0', { 'q.email': 1, _id: 1 }, false],
        ['ix_1', { 'q.office:floor': 1, _id: 1 }, false],
        ['ux_0', { 'u.i0': 1 }, true],
      ]);
      await expect(store.createCollection('deputies_1', { ...deputies, indexes: [] })).rejects.toThrow(
        /exists with another spec/,
      );
    });

    it('leaves undefined properties out, as JSON does', async () => {
      await store.createCollection('notes_1', notes);
      await store.commit([put('notes_1', 1, { id: 'a', title: 'A', gone: undefined })]);
      expect((await store.getMany('notes_1', ['a'])).get('a')?.document).toEqual({ id: 'a', title: 'A' });
      expect(Object.keys((await store.getMany('notes_1', ['a'])).get('a')?.document ?? {})).toEqual([
        'id',
        'title',
      ]);
    });
  },
);
