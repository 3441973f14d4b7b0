// Contract: sort orders (byte order, nulls lowest, several keys, mixed directions) and keyset pagination.
import type { CollectionSpec, FindQuery, Page, ReadDocument, ReadStore } from '../read-store.js';
import { put, seedCollection, spec, storePerBlock, type ReadStoreFactory } from './fixtures.js';
import { PEOPLE } from './filters.contract.js';
import { expectedIds, seededRandom } from './reference.js';

const people = spec('people', {
  name: { kind: 'string' },
  age: { kind: 'number' },
  active: { kind: 'boolean' },
  'address.city': { kind: 'string' },
});

const items: CollectionSpec = spec(
  'items',
  {
    group: { kind: 'string' },
    score: { kind: 'number' },
    flag: { kind: 'boolean' },
    'meta.rank': { kind: 'number' },
  },
  [{ fields: ['score'] }, { fields: ['group', 'score'] }],
);

/** Documents with many ties, nulls and missing fields, so pages break inside runs of equal keys. */
function generateItems(count: number): ReadDocument[] {
  const random = seededRandom(20240611);
  const pick = <T>(choices: readonly T[]): T => choices[Math.floor(random() * choices.length)] as T;
  const groups = ['a', 'b', 'B', 'c%', 'c_', 'é', 'ä', '', 'zz'];
  return Array.from({ length: count }, (_, i) => {
    const document: ReadDocument = { id: `item-${String(Math.floor(random() * 1e6)).padStart(6, '0')}-${i}` };
    const roll = random();
    if (roll < 0.8) document.group = pick(groups);
    else if (roll < 0.9) document.group = null;
    if (random() < 0.85) document.score = Math.floor(random() * 20) * 5 - 10 + pick([0, 0, 0.5]);
    else if (random() < 0.5) document.score = null;
    if (random() < 0.7) document.flag = random() < 0.5;
    if (random() < 0.6) document.meta = { rank: Math.floor(random() * 4) };
    else if (random() < 0.5) document.meta = { rank: null };
    return document;
  });
}

async function walk(
  store: ReadStore,
  logical: string,
  query: FindQuery,
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages++) {
    const page: Page<ReadDocument> = await store.find(logical, { ...query, after });
    expect(page.items.length).toBeLessThanOrEqual(query.first ?? 50);
    ids.push(...page.items.map((item) => item.id));
    if (!page.hasNextPage) {
      if (page.endCursor) {
        const beyond = await store.find(logical, { ...query, after: page.endCursor });
        expect(beyond).toEqual({ items: [], endCursor: null, hasNextPage: false });
      }
      return { ids, pages };
    }
    expect(page.items.length).toBe(query.first ?? 50);
    expect(page.endCursor).not.toBeNull();
    after = page.endCursor;
  }
}

/** Sorting and pagination. */
export function describeSorting(factory: ReadStoreFactory): void {
  describe('sorting', () => {
    const ctx = storePerBlock(factory, (store) => seedCollection(store, 'people_1', people, PEOPLE));
    const ids = async (sort: FindQuery['sort']) =>
      (await ctx.store.find('people', { sort })).items.map((d) => d.id);

    it('sorts by id ascending when no sort is given', async () => {
      expect(await ids(undefined)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']);
    });

    it('sorts strings in byte order with null lowest: first ascending', async () => {
      expect(await ids([['name', 'asc']])).toEqual(['p7', 'p1', 'p3', 'p4', 'p6', 'p2', 'p5']);
    });

    it('and last descending', async () => {
      expect(await ids([['name', 'desc']])).toEqual(['p5', 'p2', 'p6', 'p4', 'p3', 'p1', 'p7']);
    });

    it('sorts numbers numerically, missing and null together lowest, ties by id', async () => {
      expect(await ids([['age', 'asc']])).toEqual(['p3', 'p4', 'p6', 'p2', 'p1', 'p7', 'p5']);
      expect(await ids([['age', 'desc']])).toEqual(['p5', 'p1', 'p7', 'p2', 'p6', 'p3', 'p4']);
    });

    it('sorts booleans false before true', async () => {
      expect(await ids([['active', 'asc']])).toEqual(['p4', 'p7', 'p2', 'p5', 'p1', 'p3', 'p6']);
    });

    it('sorts by several keys in mixed directions, on dotted paths', async () => {
      expect(
        await ids([
          ['address.city', 'desc'],
          ['age', 'asc'],
        ]),
      ).toEqual(['p7', 'p2', 'p6', 'p1', 'p5', 'p3', 'p4']);
      expect(
        await ids([
          ['active', 'desc'],
          ['name', 'desc'],
        ]),
      ).toEqual(['p6', 'p3', 'p1', 'p5', 'p2', 'p4', 'p7']);
    });

    it('can sort by id descending', async () => {
      expect(await ids([['id', 'desc']])).toEqual(['p7', 'p6', 'p5', 'p4', 'p3', 'p2', 'p1']);
    });
  });

  describe('pagination', () => {
    const documents = generateItems(300);
    const ctx = storePerBlock(factory, async (store) => {
      await seedCollection(store, 'items_1', items, documents);
      await store.createCollection('many_1', spec('many', { n: { kind: 'number' } }));
      await store.commit(
        Array.from({ length: 1100 }, (_, n) => put('many_1', 1, { id: `m${String(n).padStart(4, '0')}`, n })),
      );
      await store.setAlias('many', 'many_1');
    });

    it.each<[string, FindQuery]>([
      ['by id only', { first: 17 }],
      ['by score ascending', { sort: [['score', 'asc']], first: 23 }],
      [
        'by score descending then group',
        {
          sort: [
            ['score', 'desc'],
            ['group', 'asc'],
          ],
          first: 50,
        },
      ],
      [
        'by group descending then score ascending',
        {
          sort: [
            ['group', 'desc'],
            ['score', 'asc'],
          ],
          first: 9,
        },
      ],
      [
        'by flag, nested rank and score, filtered by group with null',
        {
          sort: [
            ['flag', 'desc'],
            ['meta.rank', 'asc'],
            ['score', 'desc'],
          ],
          filter: { group: { in: ['a', 'B', null] } },
          first: 7,
        },
      ],
      [
        'by group, filtered by a score range',
        { sort: [['group', 'asc']], filter: { score: { gte: 10, lt: 60 } }, first: 31 },
      ],
      ['by id descending', { sort: [['id', 'desc']], first: 40 }],
      [
        'by nested rank descending, prefix filter',
        { sort: [['meta.rank', 'desc']], filter: { group: { prefix: 'c' } }, first: 5 },
      ],
      ['everything on one page', { sort: [['score', 'asc']], first: 1000 }],
    ])('walking every page %s yields the full sorted list once', async (_name, query) => {
      const { ids, pages } = await walk(ctx.store, 'items', query);
      const expected = expectedIds(documents, query, items);
      expect(ids).toEqual(expected);
      expect(pages).toBe(Math.max(1, Math.ceil(expected.length / (query.first ?? 50))));
      expect(await ctx.store.count('items', query.filter)).toBe(expected.length);
    });

    it('an empty result is one page without a cursor', async () => {
      const page = await ctx.store.find('items', { filter: { group: 'nobody' } });
      expect(page).toEqual({ items: [], endCursor: null, hasNextPage: false });
    });

    it('pages hold 50 documents unless asked otherwise, and at most 1,000', async () => {
      const byDefault = await ctx.store.find('many');
      expect(byDefault.items).toHaveLength(50);
      expect(byDefault.hasNextPage).toBe(true);
      const capped = await ctx.store.find('many', { first: 5000 });
      expect(capped.items).toHaveLength(1000);
      expect(capped.hasNextPage).toBe(true);
      const rest = await ctx.store.find('many', { first: 5000, after: capped.endCursor });
      expect(rest.items.map((d) => d.id)).toEqual(Array.from({ length: 100 }, (_, n) => `m${1000 + n}`));
      expect(rest.hasNextPage).toBe(false);
    });

    it('a page of exactly the remaining documents says there is no next page', async () => {
      const page = await ctx.store.find('many', { filter: { n: { gte: 1090 } }, first: 10 });
      expect(page.items).toHaveLength(10);
      expect(page.hasNextPage).toBe(false);
    });
  });
}
