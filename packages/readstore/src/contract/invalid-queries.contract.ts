// Contract: malformed queries fail with INVALID_QUERY saying what was expected and what was received.
import type { Filter, FindQuery } from '../read-store.js';
import {
  expectReadStoreError,
  seedCollection,
  spec,
  storePerBlock,
  type ReadStoreFactory,
} from './fixtures.js';

const tasks = spec('tasks', {
  title: { kind: 'string' },
  size: { kind: 'number' },
  done: { kind: 'boolean' },
});

// Malformed on purpose: these bypass the types as a caller without them (plain JS, a bad cast) would.
const bad = <T>(value: unknown) => value as T;

/** Query validation. */
export function describeInvalidQueries(factory: ReadStoreFactory): void {
  describe('invalid queries', () => {
    const ctx = storePerBlock(factory, (store) =>
      seedCollection(store, 'tasks_1', tasks, [
        { id: 't1', title: 'one', size: 1, done: false },
        { id: 't2', title: 'two', size: 2, done: true },
      ]),
    );

    it.each<[string, Filter]>([
      ['an undeclared field', { colour: 'red' }],
      ['an undeclared dotted path', { 'title.length': 3 }],
      ['a string for a number field', { size: '1' }],
      ['a number for a string field', { title: 1 }],
      ['a string for a boolean field', { done: bad('true') }],
      ['a number for id', { id: bad(1) }],
      ['a non-finite number', { size: Number.NaN }],
      ['null as a range bound', { size: { gt: null } }],
      ['a wrong kind in a range', { size: { gte: 1, lt: 'z' } }],
      ['a wrong kind inside in', { size: { in: [1, '2'] } }],
      ['in without a list', { size: bad({ in: 3 }) }],
      ['ne with a wrong kind', { done: { ne: 'yes' } }],
      ['prefix on a number field', { size: bad({ prefix: '1' }) }],
      ['prefix without a string', { title: bad({ prefix: 1 }) }],
      ['an unknown operator', { title: bad({ like: 'o%' }) }],
      ['operators that do not combine', { size: bad({ eq: 1, gt: 0 }) }],
      ['an empty operator object', { size: bad({}) }],
      ['an array as a value', { title: bad(['one']) }],
    ])('filtering with %s', async (_name, filter) => {
      await expectReadStoreError(ctx.store.find('tasks', { filter }), 'INVALID_QUERY');
      await expectReadStoreError(ctx.store.count('tasks', filter), 'INVALID_QUERY');
    });

    it.each<[string, FindQuery]>([
      ['sorting on an undeclared field', { sort: [['colour', 'asc']] }],
      ['sorting in an unknown direction', { sort: [['title', bad('up')]] }],
      ['a negative page size', { first: -1 }],
      ['a fractional page size', { first: 2.5 }],
      ['a cursor that is not base64url', { after: 'not a cursor!' }],
      ['a cursor that decodes to garbage', { after: Buffer.from('{"nope":').toString('base64url') }],
      [
        'a cursor of another shape',
        { after: Buffer.from(JSON.stringify({ hello: 'world' })).toString('base64url') },
      ],
    ])('%s', async (_name, query) => {
      await expectReadStoreError(ctx.store.find('tasks', query), 'INVALID_QUERY');
    });

    it('a cursor made for one sort does not continue another', async () => {
      const page = await ctx.store.find('tasks', { sort: [['size', 'asc']], first: 1 });
      expect(page.endCursor).not.toBeNull();
      await expectReadStoreError(
        ctx.store.find('tasks', { sort: [['title', 'asc']], first: 1, after: page.endCursor }),
        'INVALID_QUERY',
      );
      const next = await ctx.store.find('tasks', {
        sort: [['size', 'asc']],
        first: 1,
        after: page.endCursor,
      });
      expect(next.items.map((d) => d.id)).toEqual(['t2']);
    });

    it('the message names the field and what it received', async () => {
      const error = await expectReadStoreError(
        ctx.store.find('tasks', { filter: { size: 'big' } }),
        'INVALID_QUERY',
      );
      expect(error.message).toContain('size');
      expect(error.message).toContain('number');
      expect(error.message).toContain('big');
      const undeclared = await expectReadStoreError(
        ctx.store.find('tasks', { filter: { colour: 'red' } }),
        'INVALID_QUERY',
      );
      expect(undeclared.message).toContain('colour');
    });
  });
}
