// Contract: logical names point at physical collections, and queries follow a swap at once.
import { expectReadStoreError, idsOf, put, spec, storePerTest, type ReadStoreFactory } from './fixtures.js';

const v1 = spec('stations', { name: { kind: 'string' } });
const v2 = spec('stations', { name: { kind: 'string' }, rank: { kind: 'number' } });

/** Aliases and collection lifecycle. */
export function describeAliases(factory: ReadStoreFactory): void {
  describe('aliases', () => {
    const ctx = storePerTest(factory);

    it('reads null for a logical name never set, then the physical collection it points at', async () => {
      const { store } = ctx;
      expect(await store.getAlias('stations')).toBeNull();
      await store.createCollection('stations__v1_a', v1);
      await store.setAlias('stations', 'stations__v1_a');
      expect(await store.getAlias('stations')).toBe('stations__v1_a');
    });

    it('queries see the old collection until the alias moves, then only the new one', async () => {
      const { store } = ctx;
      await store.createCollection('stations__v1_a', v1);
      await store.commit([
        put('stations__v1_a', 1, { id: 's1', name: 'old' }),
        put('stations__v1_a', 1, { id: 's2', name: 'old' }),
      ]);
      await store.setAlias('stations', 'stations__v1_a');
      expect(await store.count('stations')).toBe(2);

      // The rebuilt collection fills beside the live one.
      await store.createCollection('stations__v2_b', v2);
      await store.commit([
        put('stations__v2_b', 5, { id: 's1', name: 'new', rank: 2 }),
        put('stations__v2_b', 5, { id: 's3', name: 'new', rank: 1 }),
      ]);
      expect(idsOf(await store.load('stations', ['s1', 's2', 's3']))).toEqual(['s1', 's2', null]);
      expect((await store.find('stations')).items.map((d) => d.name)).toEqual(['old', 'old']);
      // A field only the new collection declares is not queryable yet.
      await expectReadStoreError(store.find('stations', { filter: { rank: 1 } }), 'INVALID_QUERY');

      await store.setAlias('stations', 'stations__v2_b');
      expect(await store.getAlias('stations')).toBe('stations__v2_b');
      expect(idsOf(await store.load('stations', ['s1', 's2', 's3']))).toEqual(['s1', null, 's3']);
      expect((await store.find('stations', { sort: [['rank', 'asc']] })).items.map((d) => d.id)).toEqual([
        's3',
        's1',
      ]);
      expect(await store.count('stations', { rank: { gte: 1 } })).toBe(2);

      // Dropping the old collection after the swap leaves queries untouched.
      await store.dropCollection('stations__v1_a');
      expect(await store.count('stations')).toBe(2);
    });

    it('can point back at an earlier collection', async () => {
      const { store } = ctx;
      await store.createCollection('stations__v1_a', v1);
      await store.createCollection('stations__v1_b', v1);
      await store.commit([
        put('stations__v1_a', 1, { id: 'a', name: 'A' }),
        put('stations__v1_b', 1, { id: 'b', name: 'B' }),
      ]);
      await store.setAlias('stations', 'stations__v1_a');
      await store.setAlias('stations', 'stations__v1_b');
      await store.setAlias('stations', 'stations__v1_a');
      expect((await store.find('stations')).items.map((d) => d.id)).toEqual(['a']);
    });

    it('several logical names can point at one collection', async () => {
      const { store } = ctx;
      await store.createCollection('stations__v1_a', v1);
      await store.commit([put('stations__v1_a', 1, { id: 'a', name: 'A' })]);
      await store.setAlias('stations', 'stations__v1_a');
      await store.setAlias('stations_preview', 'stations__v1_a');
      expect(await store.count('stations_preview')).toBe(1);
    });

    it('refuses an alias to a collection that does not exist', async () => {
      const { store } = ctx;
      await expectReadStoreError(store.setAlias('stations', 'nowhere'), 'COLLECTION_NOT_FOUND');
      expect(await store.getAlias('stations')).toBeNull();
    });

    it('queries on an unknown logical name fail with COLLECTION_NOT_FOUND', async () => {
      const { store } = ctx;
      await store.createCollection('stations__v1_a', v1);
      await expectReadStoreError(store.find('stations'), 'COLLECTION_NOT_FOUND');
      await expectReadStoreError(store.load('stations', ['a']), 'COLLECTION_NOT_FOUND');
      await expectReadStoreError(store.count('stations'), 'COLLECTION_NOT_FOUND');
    });

    it('creating a collection again is harmless and keeps its documents; dropping is idempotent', async () => {
      const { store } = ctx;
      await store.createCollection('stations__v1_a', v1);
      await store.commit([put('stations__v1_a', 1, { id: 'a', name: 'A' })]);
      await store.createCollection('stations__v1_a', v1);
      expect((await store.getMany('stations__v1_a', ['a'])).size).toBe(1);
      await store.dropCollection('stations__v1_a');
      await store.dropCollection('stations__v1_a');
      await store.dropCollection('never_created');
      await store.createCollection('stations__v1_a', v1);
      expect((await store.getMany('stations__v1_a', ['a'])).size).toBe(0);
    });
  });
}
