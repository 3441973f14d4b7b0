// Contract: every filter operator on every field kind, dotted paths, null and missing fields, and count.
import type { Filter, ReadDocument, ReadStore } from '../read-store.js';
import { put, remove, seedCollection, spec, storePerBlock, type ReadStoreFactory } from './fixtures.js';

const people = spec('people', {
  name: { kind: 'string' },
  age: { kind: 'number' },
  active: { kind: 'boolean' },
  code: { kind: 'string' },
  'address.city': { kind: 'string' },
  'address.geo.zone': { kind: 'number' },
});

/** Fixture people: nulls, missing fields, mixed case, non-ASCII, and LIKE's wildcard characters in `code`. */
export const PEOPLE: readonly ReadDocument[] = [
  {
    id: 'p1',
    name: 'Alice',
    age: 30,
    active: true,
    code: 'a%b',
    address: { city: 'Beijing', geo: { zone: 1 } },
  },
  {
    id: 'p2',
    name: 'bob',
    age: 25,
    active: false,
    code: 'a_b',
    address: { city: 'Shanghai', geo: { zone: 2 } },
  },
  { id: 'p3', name: 'Carol', age: null, active: true, code: 'a\\b', address: { city: null } },
  { id: 'p4', name: 'Dave', code: 'a%c' },
  {
    id: 'p5',
    name: 'Émile',
    age: 41.5,
    active: false,
    code: 'ab',
    address: { city: 'Beijing', geo: { zone: 1 } },
  },
  {
    id: 'p6',
    name: 'Zed',
    age: -3,
    active: true,
    code: 'axb',
    address: { city: 'Chengdu', geo: { zone: 3 } },
  },
  { id: 'p7', name: null, age: 30, active: null, code: 'a', address: { city: 'chengdu' } },
];

async function seedPeople(store: ReadStore): Promise<void> {
  await seedCollection(store, 'people_1', people, PEOPLE);
  // A deleted person matches nothing.
  await store.commit([
    put('people_1', 2, { id: 'p8', name: 'Alice', age: 30, active: true }),
    remove('people_1', 'p8', 3),
  ]);
}

/** Filters and count over the people fixture. */
export function describeFilters(factory: ReadStoreFactory): void {
  describe('filters', () => {
    const ctx = storePerBlock(factory, seedPeople);
    const ids = async (filter: Filter) =>
      (await ctx.store.find('people', { filter })).items.map((doc) => doc.id);

    it.each<[string, Filter, string[]]>([
      ['a string equals', { name: 'Alice' }, ['p1']],
      ['equality is case- and accent-sensitive', { name: 'alice' }, []],
      ['eq on a string', { name: { eq: 'bob' } }, ['p2']],
      ['a number equals', { age: 30 }, ['p1', 'p7']],
      ['a fractional number equals', { age: { eq: 41.5 } }, ['p5']],
      ['a boolean equals', { active: false }, ['p2', 'p5']],
      ['null matches null and missing', { age: null }, ['p3', 'p4']],
      ['eq null matches null and missing', { active: { eq: null } }, ['p4', 'p7']],
      [
        'null on a dotted path matches a null or missing leaf and a missing parent',
        { 'address.city': null },
        ['p3', 'p4'],
      ],
      ['a dotted path equals', { 'address.city': 'Beijing' }, ['p1', 'p5']],
      ['a deeper dotted path equals', { 'address.geo.zone': 1 }, ['p1', 'p5']],
      ['id equals', { id: 'p3' }, ['p3']],
      ['ne keeps missing and null', { age: { ne: 30 } }, ['p2', 'p3', 'p4', 'p5', 'p6']],
      ['ne null means present', { age: { ne: null } }, ['p1', 'p2', 'p5', 'p6', 'p7']],
      ['ne on a boolean', { active: { ne: true } }, ['p2', 'p4', 'p5', 'p7']],
      ['in on strings', { name: { in: ['bob', 'Zed', 'nobody'] } }, ['p2', 'p6']],
      ['in with null matches missing too', { age: { in: [25, null] } }, ['p2', 'p3', 'p4']],
      ['in on ids', { id: { in: ['p7', 'p1', 'p8'] } }, ['p1', 'p7']],
      ['in with an empty list matches nothing', { name: { in: [] } }, []],
      ['gt on numbers', { age: { gt: 30 } }, ['p5']],
      ['gte on numbers', { age: { gte: 30 } }, ['p1', 'p5', 'p7']],
      ['lt on numbers, including negatives', { age: { lt: 25 } }, ['p6']],
      ['lte on numbers', { age: { lte: 25 } }, ['p2', 'p6']],
      ['a combined range', { age: { gte: 0, lt: 30 } }, ['p2']],
      ['a string range in byte order', { name: { gte: 'B', lt: 'a' } }, ['p3', 'p4', 'p6']],
      ['a string range above ASCII', { name: { gt: 'z' } }, ['p5']],
      ['a range on a dotted path', { 'address.geo.zone': { gt: 1, lte: 3 } }, ['p2', 'p6']],
      ['a range on id', { id: { gt: 'p2', lte: 'p4' } }, ['p3', 'p4']],
      ['a prefix', { 'address.city': { prefix: 'Ch' } }, ['p6']],
      ['a prefix is case-sensitive', { 'address.city': { prefix: 'ch' } }, ['p7']],
      ['a prefix with % matches it literally', { code: { prefix: 'a%' } }, ['p1', 'p4']],
      ['a prefix with _ matches it literally', { code: { prefix: 'a_' } }, ['p2']],
      ['a prefix with a backslash matches it literally', { code: { prefix: 'a\\' } }, ['p3']],
      ['a whole value is its own prefix', { code: { prefix: 'a%b' } }, ['p1']],
      [
        'an empty prefix matches every present string',
        { name: { prefix: '' } },
        ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'],
      ],
      ['a non-ASCII prefix', { name: { prefix: 'É' } }, ['p5']],
      ['a prefix on id', { id: { prefix: 'p' } }, ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']],
      [
        'several fields combine with AND',
        { active: true, age: { gte: 0 }, 'address.city': { ne: 'Chengdu' } },
        ['p1'],
      ],
      ['no filter matches every live document', {}, ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']],
    ])('%s', async (_name, filter, expected) => {
      expect(await ids(filter)).toEqual(expected);
    });

    it('count agrees with the filter and leaves out deleted documents', async () => {
      const { store } = ctx;
      expect(await store.count('people')).toBe(7);
      expect(await store.count('people', {})).toBe(7);
      expect(await store.count('people', { age: 30 })).toBe(2);
      expect(await store.count('people', { age: null })).toBe(2);
      expect(await store.count('people', { code: { prefix: 'a%' } })).toBe(2);
      expect(await store.count('people', { name: { in: [] } })).toBe(0);
    });

    it('returns whole documents', async () => {
      const page = await ctx.store.find('people', { filter: { id: 'p1' } });
      expect(page.items).toEqual([PEOPLE[0]]);
    });
  });
}
