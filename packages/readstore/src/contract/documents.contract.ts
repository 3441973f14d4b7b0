// Contract: loading documents by id, the position guard with tombstones, and atomic commits with checkpoints.
import { idsOf, put, remove, spec, storePerTest, type ReadStoreFactory } from './fixtures.js';

const notes = spec('notes', { title: { kind: 'string' } });

/** getMany, load, position-guarded writes and commits. */
export function describeDocuments(factory: ReadStoreFactory): void {
  describe('documents by id', () => {
    const ctx = storePerTest(factory);

    it('getMany returns stored documents with their positions, leaving out missing ids and tombstones', async () => {
      const { store } = ctx;
      await store.createCollection('notes_1', notes);
      await store.commit([
        put('notes_1', 3, { id: 'a', title: 'A' }),
        put('notes_1', 4, { id: 'b', title: 'B' }),
        put('notes_1', 5, { id: 'c', title: 'C' }),
        remove('notes_1', 'c', 6),
        remove('notes_1', 'never-stored', 7),
      ]);
      const found = await store.getMany('notes_1', ['b', 'missing', 'a', 'c', 'never-stored']);
      expect([...found.keys()].sort()).toEqual(['a', 'b']);
      expect(found.get('a')).toEqual({ document: { id: 'a', title: 'A' }, position: 3 });
      expect(found.get('b')).toEqual({ document: { id: 'b', title: 'B' }, position: 4 });
      expect((await store.getMany('notes_1', [])).size).toBe(0);
    });

    it('load follows the order of the ids asked for, with null for missing and deleted documents', async () => {
      const { store } = ctx;
      await store.createCollection('notes_1', notes);
      await store.commit([
        put('notes_1', 1, { id: 'a', title: 'A', nested: { list: [1, 'two', null], flag: true } }),
        put('notes_1', 2, { id: 'b', title: 'B' }),
        put('notes_1', 3, { id: 'gone', title: 'G' }),
        remove('notes_1', 'gone', 4),
      ]);
      await store.setAlias('notes', 'notes_1');
      const loaded = await store.load('notes', ['b', 'missing', 'a', 'gone', 'b']);
      expect(idsOf(loaded)).toEqual(['b', null, 'a', null, 'b']);
      expect(loaded[2]).toEqual({ id: 'a', title: 'A', nested: { list: [1, 'two', null], flag: true } });
      expect(await store.load('notes', [])).toEqual([]);
    });

    it('keeps documents in their collection', async () => {
      const { store } = ctx;
      await store.createCollection('notes_1', notes);
      await store.createCollection('notes_2', notes);
      await store.commit([
        put('notes_1', 1, { id: 'a', title: 'one' }),
        put('notes_2', 1, { id: 'a', title: 'two' }),
      ]);
      expect((await store.getMany('notes_1', ['a'])).get('a')?.document.title).toBe('one');
      expect((await store.getMany('notes_2', ['a'])).get('a')?.document.title).toBe('two');
    });
  });

  describe('position guard', () => {
    const ctx = storePerTest(factory);
    const title = async (id: string) => {
      const stored = (await ctx.store.getMany('notes_1', [id])).get(id);
      return stored ? { title: stored.document.title, position: stored.position } : null;
    };

    it('applies a write with a greater position and ignores one with a lower or equal position', async () => {
      const { store } = ctx;
      await store.createCollection('notes_1', notes);
      await store.commit([put('notes_1', 10, { id: 'a', title: 'first' })]);
      await store.commit([put('notes_1', 9, { id: 'a', title: 'older' })]);
      expect(await title('a')).toEqual({ title: 'first', position: 10 });
      await store.commit([put('notes_1', 10, { id: 'a', title: 'replayed' })]);
      expect(await title('a')).toEqual({ title: 'first', position: 10 });
      await store.commit([put('notes_1', 11, { id: 'a', title: 'newer' })]);
      expect(await title('a')).toEqual({ title: 'newer', position: 11 });
    });

    it('does not resurrect a deleted document with an older upsert, but a newer one recreates it', async () => {
      const { store } = ctx;
      await store.createCollection('notes_1', notes);
      await store.commit([put('notes_1', 5, { id: 'a', title: 'alive' })]);
      await store.commit([remove('notes_1', 'a', 8)]);
      expect(await title('a')).toBeNull();
      await store.commit([put('notes_1', 7, { id: 'a', title: 'stale' })]);
      await store.commit([put('notes_1', 8, { id: 'a', title: 'same position' })]);
      expect(await title('a')).toBeNull();
      await store.commit([remove('notes_1', 'a', 6)]);
      await store.commit([put('notes_1', 9, { id: 'a', title: 'reborn' })]);
      expect(await title('a')).toEqual({ title: 'reborn', position: 9 });
    });

    it('ignores a stale delete', async () => {
      const { store } = ctx;
      await store.createCollection('notes_1', notes);
      await store.commit([put('notes_1', 5, { id: 'a', title: 'alive' })]);
      await store.commit([remove('notes_1', 'a', 4)]);
      expect(await title('a')).toEqual({ title: 'alive', position: 5 });
    });

    it('keeps the write with the greatest position when one commit writes an id twice', async () => {
      const { store } = ctx;
      await store.createCollection('notes_1', notes);
      await store.commit([
        put('notes_1', 3, { id: 'a', title: 'third' }),
        put('notes_1', 2, { id: 'a', title: 'second' }),
        put('notes_1', 1, { id: 'b', title: 'b1' }),
        remove('notes_1', 'b', 2),
      ]);
      expect(await title('a')).toEqual({ title: 'third', position: 3 });
      expect(await title('b')).toBeNull();
    });

    it('replaying a whole batch that already landed changes nothing', async () => {
      const { store } = ctx;
      await store.createCollection('notes_1', notes);
      const batch = [put('notes_1', 1, { id: 'a', title: 'A' }), put('notes_1', 2, { id: 'b', title: 'B' })];
      await store.commit(batch, [{ name: 'notes_1', position: 2 }]);
      await store.commit([put('notes_1', 3, { id: 'a', title: 'A2' })], [{ name: 'notes_1', position: 3 }]);
      await store.commit(batch, [{ name: 'notes_1', position: 2 }]);
      expect(await title('a')).toEqual({ title: 'A2', position: 3 });
      expect(await title('b')).toEqual({ title: 'B', position: 2 });
    });
  });

  describe('commits and checkpoints', () => {
    const ctx = storePerTest(factory);

    it('reads 0 for a checkpoint never written, then the last position committed', async () => {
      const { store } = ctx;
      expect(await store.getCheckpoint('projection')).toBe(0);
      await store.commit([], [{ name: 'projection', position: 42 }]);
      expect(await store.getCheckpoint('projection')).toBe(42);
      await store.commit(
        [],
        [
          { name: 'projection', position: 9_007_199_254 },
          { name: 'other', position: 7 },
        ],
      );
      expect(await store.getCheckpoint('projection')).toBe(9_007_199_254);
      expect(await store.getCheckpoint('other')).toBe(7);
    });

    it('never moves a checkpoint backwards', async () => {
      const { store } = ctx;
      await store.createCollection('notes_1', notes);
      await store.commit([put('notes_1', 5, { id: 'a', title: 'A' })], [{ name: 'notes_1', position: 5 }]);
      // A late commit of an older batch (a stale projector) lands its guarded writes but not its checkpoint.
      await store.commit([put('notes_1', 3, { id: 'b', title: 'B' })], [{ name: 'notes_1', position: 3 }]);
      expect(await store.getCheckpoint('notes_1')).toBe(5);
      await store.commit([], [{ name: 'notes_1', position: 6 }]);
      expect(await store.getCheckpoint('notes_1')).toBe(6);
    });

    it('commits writes to several collections and checkpoints together', async () => {
      const { store } = ctx;
      await store.createCollection('notes_1', notes);
      await store.createCollection('notes_2', notes);
      await store.commit(
        [put('notes_1', 1, { id: 'a', title: 'A' }), put('notes_2', 2, { id: 'b', title: 'B' })],
        [
          { name: 'notes_1', position: 1 },
          { name: 'notes_2', position: 2 },
        ],
      );
      expect((await store.getMany('notes_1', ['a'])).size).toBe(1);
      expect((await store.getMany('notes_2', ['b'])).size).toBe(1);
      expect(await store.getCheckpoint('notes_1')).toBe(1);
      expect(await store.getCheckpoint('notes_2')).toBe(2);
    });

    it('a commit that fails leaves neither its writes nor its checkpoint', async () => {
      const { store } = ctx;
      await store.createCollection('notes_1', notes);
      await store.commit(
        [put('notes_1', 1, { id: 'a', title: 'before' })],
        [{ name: 'notes_1', position: 1 }],
      );
      await expect(
        store.commit(
          [
            put('notes_1', 2, { id: 'a', title: 'after' }),
            put('notes_1', 2, { id: 'b', title: 'new' }),
            put('never_created', 2, { id: 'x', title: 'X' }),
          ],
          [{ name: 'notes_1', position: 2 }],
        ),
      ).rejects.toThrow();
      const stored = await store.getMany('notes_1', ['a', 'b']);
      expect([...stored.values()]).toEqual([{ document: { id: 'a', title: 'before' }, position: 1 }]);
      expect(await store.getCheckpoint('notes_1')).toBe(1);
    });

    it('an empty commit changes nothing', async () => {
      const { store } = ctx;
      await store.commit([]);
      await store.commit([], []);
      expect(await store.getCheckpoint('anything')).toBe(0);
    });
  });
}
