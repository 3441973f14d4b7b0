// Prepared statements answer exactly as `query` does, on both drivers, and never run inside another caller's
// transaction.
import { randomBytes } from 'node:crypto';
import { openPglite } from './pglite-client.js';
import { openPostgres } from './postgres-client.js';
import { quoteIdent, type SqlClient } from './sql-client.js';

const url = process.env.DATABASE_URL || undefined;
const targets: Array<{ name: string; open(): Promise<SqlClient>; dispose(sql: SqlClient): Promise<void> }> = [
  { name: 'PGlite', open: () => openPglite({ schema: 'prepared' }), dispose: (sql) => sql.close() },
];
if (url) {
  targets.push({
    name: 'PostgreSQL',
    open: () => openPostgres({ connectionString: url, schema: `t_${randomBytes(6).toString('hex')}` }),
    async dispose(sql) {
      await sql.exec(`DROP SCHEMA IF EXISTS ${quoteIdent(sql.schema)} CASCADE`);
      await sql.close();
    },
  });
}

describe.each(targets)('queryPrepared on $name', (target) => {
  let sql: SqlClient;

  beforeEach(async () => {
    sql = await target.open();
    await sql.exec(
      `CREATE TABLE items (id int PRIMARY KEY, name text, doc jsonb, at timestamptz, tags text[])`,
    );
  });

  afterEach(async () => {
    await target.dispose(sql);
  });

  const insert = 'INSERT INTO items (id, name, doc, at, tags) VALUES ($1, $2, $3::jsonb, $4, $5)';
  const select =
    'SELECT id, name, doc, at, tags, id * 2 AS twice FROM items WHERE id >= $1 ORDER BY id LIMIT $2';

  it('returns the rows query returns, parameters and values typed alike, on every run', async () => {
    for (let id = 1; id <= 8; id++) {
      await sql.queryPrepared(insert, [
        id,
        `item ${id}`,
        JSON.stringify({ id }),
        '2026-11-22T01:00:00Z',
        ['a'],
      ]);
    }
    await sql.queryPrepared(insert, [9, null, null, null, null]);
    for (const [from, limit] of [
      [1, null],
      [3, 2],
      [9, 1],
      [10, null],
    ]) {
      expect(await sql.queryPrepared(select, [from, limit])).toEqual(await sql.query(select, [from, limit]));
    }
    const [nine] = await sql.queryPrepared(select, [9, 1]);
    expect(nine).toEqual({ id: 9, name: null, doc: null, at: null, tags: null, twice: 18 });
    const [first] = await sql.queryPrepared(select, [1, 1]);
    expect(first).toMatchObject({ id: 1, name: 'item 1', doc: { id: 1 }, tags: ['a'], twice: 2 });
    expect((first!.at as Date).toISOString()).toBe('2026-11-22T01:00:00.000Z');
  });

  it('reports a refused statement with its SQLSTATE and keeps working afterwards', async () => {
    await sql.queryPrepared(insert, [1, 'one', null, null, null]);
    await expect(sql.queryPrepared(insert, [1, 'again', null, null, null])).rejects.toMatchObject({
      code: '23505',
    });
    await expect(sql.queryPrepared('SELECT nonsense FROM items WHERE id = $1', [1])).rejects.toMatchObject({
      code: '42703',
    });
    await sql.queryPrepared(insert, [2, 'two', null, null, null]);
    expect(await sql.queryPrepared('SELECT id, name FROM items ORDER BY id', [])).toEqual([
      { id: 1, name: 'one' },
      { id: 2, name: 'two' },
    ]);
  });

  it('waits for another caller’s transaction instead of running inside it', async () => {
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => (inside = resolve));
    const rolledBack = sql
      .transaction(async (tx) => {
        await tx.query(insert, [1, 'rolled back', null, null, null]);
        inside();
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error('roll back');
      })
      .catch((error: Error) => error.message);
    await entered;
    const outside = sql.queryPrepared(insert, [2, 'kept', null, null, null]);
    expect(await rolledBack).toBe('roll back');
    await outside;
    expect(await sql.query('SELECT id, name FROM items ORDER BY id')).toEqual([{ id: 2, name: 'kept' }]);
  });

  it('still answers once more distinct texts than it keeps prepared have run', async () => {
    for (let n = 0; n < 120; n++) {
      expect(await sql.queryPrepared(`SELECT $1::int + ${n} AS sum`, [1])).toEqual([{ sum: n + 1 }]);
    }
    expect(await sql.queryPrepared('SELECT $1::int + 0 AS sum', [2])).toEqual([{ sum: 2 }]);
  });

  it('follows the table when it is dropped and created again', async () => {
    await sql.queryPrepared(insert, [1, 'one', null, null, null]);
    expect(await sql.queryPrepared('SELECT name FROM items WHERE id = $1', [1])).toEqual([{ name: 'one' }]);
    await sql.exec('DROP TABLE items; CREATE TABLE items (id int PRIMARY KEY, name text)');
    await sql.query('INSERT INTO items VALUES (1, $1)', ['new']);
    expect(await sql.queryPrepared('SELECT name FROM items WHERE id = $1', [1])).toEqual([{ name: 'new' }]);
  });
});
