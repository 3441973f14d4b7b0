// Contract: `contains` finds text anywhere in a string field, Chinese included, with wildcards meaning themselves.
import type { Filter, ReadDocument, ReadStore } from '../read-store.js';
import {
  expectReadStoreError,
  seedCollection,
  spec,
  storePerBlock,
  type ReadStoreFactory,
} from './fixtures.js';

const notes = spec('notes', { text: { kind: 'string' }, size: { kind: 'number' } });

/** Fixture notes: Chinese and mixed text, mixed case, accents, LIKE and regex metacharacters, null and missing. */
const NOTES: readonly ReadDocument[] = [
  { id: 'n1', text: '小区门口的路灯坏了三个月', size: 1 },
  { id: 'n2', text: '建议在文化路增设公交站 Bus stop', size: 2 },
  { id: 'n3', text: '图书馆 WiFi 信号差', size: 3 },
  { id: 'n4', text: '50% off_now C:\\temp (v1.2)', size: 4 },
  { id: 'n5', text: null, size: 5 },
  { id: 'n6', size: 6 },
  { id: 'n7', text: 'Émile café, bus route 7', size: 7 },
  { id: 'n8', text: 42, size: 8 },
  { id: 'n9', text: '路', size: 9 },
];

async function seedNotes(store: ReadStore): Promise<void> {
  await seedCollection(store, 'notes_1', notes, NOTES);
}

/** The `contains` operator over the notes fixture. */
export function describeTextSearch(factory: ReadStoreFactory): void {
  describe('text search (contains)', () => {
    const ctx = storePerBlock(factory, seedNotes);
    const ids = async (filter: Filter) =>
      (await ctx.store.find('notes', { filter })).items.map((doc) => doc.id);

    it.each<[string, Filter, string[]]>([
      ['a Chinese word inside a sentence', { text: { contains: '路灯' } }, ['n1']],
      ['a single Chinese character anywhere', { text: { contains: '路' } }, ['n1', 'n2', 'n9']],
      ['ASCII letters in either case', { text: { contains: 'wifi' } }, ['n3']],
      ['an upper-case needle', { text: { contains: 'BUS' } }, ['n2', 'n7']],
      ['mixed Chinese and ASCII', { text: { contains: '公交站 bus' } }, ['n2']],
      ['accented letters compare exactly', { text: { contains: 'émile' } }, []],
      ['an accented letter as written', { text: { contains: 'Émile' } }, ['n7']],
      ['% means itself', { text: { contains: '%' } }, ['n4']],
      ['_ means itself', { text: { contains: 'f_n' } }, ['n4']],
      ['a backslash means itself', { text: { contains: ':\\t' } }, ['n4']],
      ['regex metacharacters mean themselves', { text: { contains: '(v1.2)' } }, ['n4']],
      ['a dot is not any character', { text: { contains: '1.' } }, ['n4']],
      ['no match', { text: { contains: '垃圾分类' } }, []],
      [
        'an empty needle matches every present string',
        { text: { contains: '' } },
        ['n1', 'n2', 'n3', 'n4', 'n7', 'n9'],
      ],
      ['never a null, missing or non-string value', { text: { contains: '4' } }, []],
      ['combined with other conditions', { text: { contains: '路' }, size: { gte: 2 } }, ['n2', 'n9']],
      ['on id', { id: { contains: '7' } }, ['n7']],
    ])('%s', async (_name, filter, expected) => {
      expect(await ids(filter)).toEqual(expected);
    });

    it('counts and pages with the same matches', async () => {
      const filter: Filter = { text: { contains: '路' } };
      expect(await ctx.store.count('notes', filter)).toBe(3);
      const first = await ctx.store.find('notes', { filter, sort: [['size', 'desc']], first: 2 });
      expect(first.items.map((doc) => doc.id)).toEqual(['n9', 'n2']);
      expect(first.hasNextPage).toBe(true);
      const rest = await ctx.store.find('notes', {
        filter,
        sort: [['size', 'desc']],
        first: 2,
        after: first.endCursor,
      });
      expect(rest.items.map((doc) => doc.id)).toEqual(['n1']);
      expect(rest.hasNextPage).toBe(false);
    });

    it.each<[string, unknown]>([
      ['on a number field', { size: { contains: '1' } }],
      ['without a string', { text: { contains: 1 } }],
      ['with null', { text: { contains: null } }],
      ['combined with another operator', { text: { contains: 'a', prefix: 'b' } }],
    ])('rejects contains %s', async (_name, filter) => {
      await expectReadStoreError(ctx.store.find('notes', { filter: filter as Filter }), 'INVALID_QUERY');
      await expectReadStoreError(ctx.store.count('notes', filter as Filter), 'INVALID_QUERY');
    });
  });
}
