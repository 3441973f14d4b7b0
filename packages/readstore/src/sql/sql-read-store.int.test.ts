import type { SqlClient } from '@liaison/sql';
import { testSqlTargets } from '@liaison/testing';
import type { CollectionSpec, FindQuery } from '../read-store.js';
import { ReadStoreError } from '../errors.js';
import { findStatement } from './find-sql.js';
import { documentTableName } from './registry.js';
import { SqlReadStore } from './sql-read-store.js';

// Behaviour specific to the SQL adapter; the shared behaviour is in the contract (test/contracts).
describe.each(testSqlTargets())('SqlReadStore on $name', (target) => {
  let sql: SqlClient;
  let store: SqlReadStore;

  beforeEach(async () => {
    sql = await target.open();
    store = await SqlReadStore.open(sql);
  });
  afterEach(async () => {
    await store.close();
    await target.dispose(sql);
  });

  const stations = (rankKind: 'number' | 'string'): CollectionSpec => ({
    name: 'stations',
    fields: { name: { kind: 'string' }, rank: { kind: rankKind } },
  });
  const code = async (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (error: unknown) => (error instanceof ReadStoreError ? error.code : String(error)),
    );

  describe('a store in another process', () => {
    it('queries with the spec of the collection the alias points at now, after a swap elsewhere', async () => {
      const other = await SqlReadStore.open(sql);
      await store.createCollection('stations__v1_a', stations('number'));
      await store.commit([
        { collection: 'stations__v1_a', id: 's1', position: 1, document: { id: 's1', rank: 1 } },
      ]);
      await store.setAlias('stations', 'stations__v1_a');
      expect(await store.count('stations', { rank: 1 })).toBe(1);

      await other.createCollection('stations__v2_b', stations('string'));
      await other.commit([
        { collection: 'stations__v2_b', id: 's2', position: 2, document: { id: 's2', rank: 'high' } },
      ]);
      await other.setAlias('stations', 'stations__v2_b');
      await other.dropCollection('stations__v1_a');

      expect((await store.find('stations', { filter: { rank: 'high' } })).items).toEqual([
        { id: 's2', rank: 'high' },
      ]);
      expect(await store.load('stations', ['s1', 's2'])).toEqual([null, { id: 's2', rank: 'high' }]);
      expect(await code(store.find('stations', { filter: { rank: 1 } }))).toBe('INVALID_QUERY');
    });

    it('notices a collection dropped and created again under the same name with another spec', async () => {
      const other = await SqlReadStore.open(sql);
      await store.createCollection('stations_x', stations('number'));
      await store.setAlias('stations', 'stations_x');
      expect(await store.count('stations', { rank: { gt: 0 } })).toBe(0);

      await other.dropCollection('stations_x');
      await other.createCollection('stations_x', stations('string'));
      await other.commit([
        { collection: 'stations_x', id: 's1', position: 1, document: { id: 's1', rank: 'b' } },
      ]);
      await other.setAlias('stations', 'stations_x');

      expect(await store.count('stations', { rank: { gt: 'a' } })).toBe(1);
    });

    it('sees a logical name disappear when its collection is dropped elsewhere', async () => {
      const other = await SqlReadStore.open(sql);
      await store.createCollection('stations_x', stations('number'));
      await store.setAlias('stations', 'stations_x');
      expect(await store.count('stations')).toBe(0);
      await other.dropCollection('stations_x');
      expect(await code(store.count('stations'))).toBe('COLLECTION_NOT_FOUND');
      expect(await store.getAlias('stations')).toBeNull();
    });
  });

  describe('collections', () => {
    it('opening again keeps the registry and the documents', async () => {
      await store.createCollection('stations_x', stations('number'));
      await store.commit(
        [{ collection: 'stations_x', id: 's1', position: 1, document: { id: 's1' } }],
        [{ name: 'p', position: 1 }],
      );
      const again = await SqlReadStore.open(sql);
      expect((await again.getMany('stations_x', ['s1'])).size).toBe(1);
      expect(await again.getCheckpoint('p')).toBe(1);
    });

    it('refuses to create an existing collection with another spec', async () => {
      await store.createCollection('stations_x', stations('number'));
      await store.createCollection('stations_x', { ...stations('number'), indexes: [] });
      await expect(store.createCollection('stations_x', stations('string'))).rejects.toThrow(/another spec/);
    });

    it('refuses names PostgreSQL would truncate and field paths it cannot index', async () => {
      await expect(store.createCollection('x'.repeat(60), stations('number'))).rejects.toThrow(
        /expected a collection name/,
      );
      await expect(
        store.createCollection('ok', { name: 'ok', fields: { "a'b": { kind: 'string' } } }),
      ).rejects.toThrow(/field paths/);
    });

    it('names missing collections in COLLECTION_NOT_FOUND and writes nothing', async () => {
      await store.createCollection('stations_x', stations('number'));
      const failure = await store
        .commit([
          { collection: 'stations_x', id: 's1', position: 1, document: { id: 's1' } },
          { collection: 'ghost', id: 'g', position: 1, document: { id: 'g' } },
        ])
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ReadStoreError);
      expect((failure as ReadStoreError).code).toBe('COLLECTION_NOT_FOUND');
      expect((failure as ReadStoreError).message).toContain('"ghost"');
      expect((failure as ReadStoreError).message).not.toContain('stations_x');
      expect(await code(store.getMany('ghost', ['g']))).toBe('COLLECTION_NOT_FOUND');
      expect((await store.getMany('stations_x', ['s1'])).size).toBe(0);
    });

    it('refuses a write whose document carries another id', async () => {
      await store.createCollection('stations_x', stations('number'));
      await expect(
        store.commit([{ collection: 'stations_x', id: 's1', position: 1, document: { id: 's2' } }]),
      ).rejects.toThrow(/carry that id/);
    });

    it('reads a stored value of another kind than declared as missing', async () => {
      await store.createCollection('stations_x', stations('number'));
      await store.setAlias('stations', 'stations_x');
      await store.commit([
        { collection: 'stations_x', id: 's1', position: 1, document: { id: 's1', rank: 'first', name: 7 } },
        { collection: 'stations_x', id: 's2', position: 1, document: { id: 's2', rank: 2, name: 'two' } },
      ]);
      expect((await store.find('stations', { filter: { rank: null } })).items.map((d) => d.id)).toEqual([
        's1',
      ]);
      expect((await store.find('stations', { filter: { name: null } })).items.map((d) => d.id)).toEqual([
        's1',
      ]);
      expect((await store.find('stations', { sort: [['rank', 'desc']] })).items.map((d) => d.id)).toEqual([
        's2',
        's1',
      ]);
    });

    it('a closed store refuses work but leaves the client open', async () => {
      await store.close();
      await expect(store.getCheckpoint('p')).rejects.toThrow(/closed/);
      await expect(sql.query('SELECT 1')).resolves.toHaveLength(1);
    });
  });

  describe('declared indexes serve find', () => {
    const spec: CollectionSpec = {
      name: 'items',
      fields: {
        title: { kind: 'string' },
        size: { kind: 'number' },
        done: { kind: 'boolean' },
        'meta.zone': { kind: 'string' },
      },
    };

    // The planner is told to avoid sequential scans (and sorts, for sorted queries), so it picks a matching index.
    async function plan(indexed: string, query: FindQuery): Promise<{ plan: string; index: string }> {
      const physical = `items_${indexed.replace('.', '_')}`;
      const collection = { ...spec, indexes: [{ fields: [indexed] }] };
      await store.createCollection(physical, collection);
      await store.commit(
        Array.from({ length: 2000 }, (_, i) => ({
          collection: physical,
          id: `i${i}`,
          position: 1,
          document: {
            id: `i${i}`,
            title: `t${i % 500}`,
            size: i % 400,
            done: i % 30 === 0,
            meta: { zone: `z${i % 90}` },
          },
        })),
      );
      await sql.exec(`ANALYZE "${documentTableName(physical)}"`);
      const [row] = await sql.query<{ indexname: string }>(
        `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1 AND indexname NOT LIKE '%pkey'`,
        [documentTableName(physical)],
      );
      const statement = findStatement('items', { physical, incarnation: '0', spec: collection }, query, 20);
      const lines = await sql.transaction(async (tx) => {
        await tx.exec(`SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = ${query.sort ? 'off' : 'on'}`);
        return tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${statement.text}`, statement.values);
      });
      return {
        plan: lines.map((line) => line['QUERY PLAN']).join('\n'),
        index: row?.indexname ?? 'no index',
      };
    }

    it.each<[string, string, FindQuery]>([
      ['string equality', 'title', { filter: { title: 't3' } }],
      ['string range', 'title', { filter: { title: { gte: 't10', lt: 't11' } } }],
      ['string prefix', 'title', { filter: { title: { prefix: 't49' } } }],
      ['string in', 'title', { filter: { title: { in: ['t1', 't2'] } } }],
      ['number equality', 'size', { filter: { size: 3 } }],
      ['number range', 'size', { filter: { size: { gt: 390 } } }],
      ['boolean equality', 'done', { filter: { done: true } }],
      ['dotted path equality', 'meta.zone', { filter: { 'meta.zone': 'z1' } }],
      ['ascending sort', 'size', { sort: [['size', 'asc']] }],
      ['descending sort', 'title', { sort: [['title', 'desc']] }],
    ])('%s', async (_name, indexed, query) => {
      const { plan: text, index } = await plan(indexed, query);
      if (process.env.SHOW_PLANS) console.log(text);
      expect(text).toContain(index);
    });
  });
});
