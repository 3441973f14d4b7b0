import { testSqlTargets } from './sql-targets.js';

describe.each(testSqlTargets())('SqlClient on $name', (target) => {
  it('runs queries, transactions and delivers notifications', async () => {
    const sql = await target.open();
    try {
      await sql.exec('CREATE TABLE t (id int primary key, doc jsonb)');
      await sql.query('INSERT INTO t VALUES ($1, $2::jsonb)', [1, JSON.stringify({ a: 1 })]);
      await expect(
        sql.transaction(async (tx) => {
          await tx.query('INSERT INTO t VALUES (2, null)');
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      const rows = await sql.query<{ id: number; doc: unknown }>('SELECT id, doc FROM t ORDER BY id');
      expect(rows).toEqual([{ id: 1, doc: { a: 1 } }]);

      const received: string[] = [];
      const channel = `c_${sql.schema}`;
      const stop = await sql.listen(channel, (payload) => received.push(payload));
      await sql.query('SELECT pg_notify($1, $2)', [channel, 'hello']);
      for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      await stop();
      expect(received).toEqual(['hello']);
    } finally {
      await target.dispose(sql);
    }
  });
});
