// Contract: declared indexes, seen through behaviour: unique ones reject duplicates, all keep queries right.
import { put, remove, spec, storePerTest, type ReadStoreFactory } from './fixtures.js';

const deputies = spec(
  'deputies',
  { email: { kind: 'string' }, 'office.floor': { kind: 'number' }, name: { kind: 'string' } },
  [{ fields: ['email'], unique: true }, { fields: ['office.floor', 'name'] }],
);

/** Index declarations. */
export function describeIndexes(factory: ReadStoreFactory): void {
  describe('indexes', () => {
    const ctx = storePerTest(factory);

    it('a unique index rejects a commit that would duplicate a value, and the commit leaves nothing', async () => {
      const { store } = ctx;
      await store.createCollection('deputies_1', deputies);
      await store.commit(
        [put('deputies_1', 1, { id: 'd1', email: 'li@example.org' })],
        [{ name: 'deputies_1', position: 1 }],
      );
      await expect(
        store.commit(
          [
            put('deputies_1', 2, { id: 'd2', email: 'wang@example.org' }),
            put('deputies_1', 2, { id: 'd3', email: 'li@example.org' }),
          ],
          [{ name: 'deputies_1', position: 2 }],
        ),
      ).rejects.toThrow();
      expect([...(await store.getMany('deputies_1', ['d1', 'd2', 'd3'])).keys()]).toEqual(['d1']);
      expect(await store.getCheckpoint('deputies_1')).toBe(1);
    });

    it('a unique index lets documents without the field coexist, and a deleted document frees its value', async () => {
      const { store } = ctx;
      await store.createCollection('deputies_1', deputies);
      await store.commit([
        put('deputies_1', 1, { id: 'd1', email: 'li@example.org' }),
        put('deputies_1', 1, { id: 'd2', name: 'no email' }),
        put('deputies_1', 1, { id: 'd3', email: null }),
        put('deputies_1', 1, { id: 'd4' }),
      ]);
      await store.commit([remove('deputies_1', 'd1', 2)]);
      await store.commit([put('deputies_1', 3, { id: 'd5', email: 'li@example.org' })]);
      expect((await store.getMany('deputies_1', ['d5'])).size).toBe(1);
    });

    it('a document may keep its own unique value when it is rewritten', async () => {
      const { store } = ctx;
      await store.createCollection('deputies_1', deputies);
      await store.commit([put('deputies_1', 1, { id: 'd1', email: 'li@example.org', name: 'Li' })]);
      await store.commit([put('deputies_1', 2, { id: 'd1', email: 'li@example.org', name: 'Li Wei' })]);
      expect((await store.getMany('deputies_1', ['d1'])).get('d1')?.document.name).toBe('Li Wei');
    });

    it('queries over indexed fields return the same answers as without indexes', async () => {
      const { store } = ctx;
      await store.createCollection('deputies_1', deputies);
      await store.setAlias('deputies', 'deputies_1');
      await store.commit(
        Array.from({ length: 60 }, (_, i) =>
          put('deputies_1', 1, {
            id: `d${String(i).padStart(2, '0')}`,
            name: `n${i % 7}`,
            office: { floor: i % 4 },
            email: `e${i}`,
          }),
        ),
      );
      const page = await store.find('deputies', {
        filter: { 'office.floor': 2, name: { gte: 'n3' } },
        sort: [
          ['office.floor', 'asc'],
          ['name', 'asc'],
        ],
        first: 100,
      });
      const expected = Array.from({ length: 60 }, (_, i) => ({ i, name: `n${i % 7}` }))
        .filter(({ i, name }) => i % 4 === 2 && name >= 'n3')
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.i - b.i))
        .map(({ i }) => `d${String(i).padStart(2, '0')}`);
      expect(page.items.map((d) => d.id)).toEqual(expected);
      expect((await store.find('deputies', { filter: { email: 'e42' } })).items.map((d) => d.id)).toEqual([
        'd42',
      ]);
    });

    it('refuses an index over a field the collection does not declare', async () => {
      const { store } = ctx;
      await expect(
        store.createCollection(
          'deputies_1',
          spec('deputies', { email: { kind: 'string' } }, [{ fields: ['phone'] }]),
        ),
      ).rejects.toThrow(/phone/);
    });
  });
}
