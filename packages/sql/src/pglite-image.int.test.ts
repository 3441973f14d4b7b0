import { emptyPgliteImage, openPglite } from './pglite-client.js';
import type { SqlClient } from './sql-client.js';

describe('PGlite databases opened from an empty cluster image', () => {
  const opened: SqlClient[] = [];
  afterAll(async () => {
    for (const client of opened) await client.close();
  });

  it('start empty, work like a new database, and never share what they write', async () => {
    const image = await emptyPgliteImage();
    const first = await openPglite({ schema: 'liaison', image });
    const second = await openPglite({ schema: 'liaison', image });
    opened.push(first, second);

    await first.exec('CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)');
    await first.query('INSERT INTO notes VALUES ($1, $2)', [1, '接待选民']);
    expect(await first.query('SELECT id, body FROM liaison.notes')).toEqual([{ id: 1, body: '接待选民' }]);

    // The second copy has the schema (made on open) and none of the first copy's tables.
    expect(
      await second.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'liaison'"),
    ).toEqual([{ n: 0 }]);
    // The image itself is unchanged: a third copy is empty too.
    const third = await openPglite({ schema: 'liaison', image });
    opened.push(third);
    expect(
      await third.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'liaison'"),
    ).toEqual([{ n: 0 }]);
  });
});
