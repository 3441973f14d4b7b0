// The direct append of an embedded database's only writer: dense positions, and a fall back whenever the
// table disagrees with what the process remembers.
import { randomUUID } from 'node:crypto';
import { pgliteTarget } from '@liaison/testing';
import type { SqlClient } from '@liaison/sql';
import { newEvent } from '../contract/fixtures.js';
import { SqlEventStore } from './sql-event-store.js';

describe('appends on an exclusive (PGlite) client', () => {
  let sql: SqlClient;

  beforeEach(async () => {
    sql = await pgliteTarget.open();
  });

  afterEach(async () => {
    await pgliteTarget.dispose(sql);
  });

  const positions = async () =>
    (await sql.query<{ p: string }>('SELECT global_position AS p FROM events ORDER BY 1')).map((row) =>
      Number(row.p),
    );

  it('keeps global positions dense when several stores on one client append at once', async () => {
    const stores = await Promise.all([SqlEventStore.open(sql), SqlEventStore.open(sql)]);
    await Promise.all(
      stores.flatMap((store, s) =>
        Array.from({ length: 50 }, (_, i) => store.append(`tally-${s}-${i % 5}`, [newEvent(), newEvent()])),
      ),
    );
    expect(await positions()).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    await Promise.all(stores.map((store) => store.close()));
  });

  it('appends after the log head when a row was written behind its back', async () => {
    const store = await SqlEventStore.open(sql);
    await store.append('tally-a', [newEvent()]);
    const other = await SqlEventStore.open(sql);
    await other.append('tally-b', [newEvent()]);
    // A row no store knows of, as another tool would write it.
    await sql.query(
      `INSERT INTO events (global_position, id, stream_id, stream_position, category, type, schema_version, data,
         metadata, occurred_at, recorded_at, previous_hash, hash)
       VALUES (3, $1, 'tally-c', 1, 'tally', 'Counted', 1, '{}', '{}', now(), now(), $2, $2)`,
      [randomUUID(), '0'.repeat(64)],
    );
    const result = await store.append('tally-a', [newEvent()], { expectedVersion: 1 });
    expect(result.lastGlobalPosition).toBe(4);
    expect(await positions()).toEqual([1, 2, 3, 4]);
    await Promise.all([store.close(), other.close()]);
  });

  it('starts from what the table holds when a store is opened after the table was replaced', async () => {
    const store = await SqlEventStore.open(sql);
    await store.append('tally-a', [newEvent(), newEvent()]);
    await store.close();
    await sql.exec('DROP TABLE events');
    const fresh = await SqlEventStore.open(sql);
    const result = await fresh.append('tally-a', [newEvent()], { expectedVersion: 'no_stream' });
    expect(result.lastGlobalPosition).toBe(1);
    expect(await positions()).toEqual([1]);
    await fresh.close();
  });

  it('reports a moved stream as a conflict and a re-sent append as a duplicate, writing nothing', async () => {
    const store = await SqlEventStore.open(sql);
    const other = await SqlEventStore.open(sql);
    const first = newEvent();
    await store.append('tally-a', [first], { expectedVersion: 'no_stream' });
    await other.append('tally-a', [newEvent()], { expectedVersion: 1 });
    await expect(store.append('tally-a', [newEvent()], { expectedVersion: 1 })).rejects.toMatchObject({
      code: 'WRONG_EXPECTED_VERSION',
    });
    const again = await store.append('tally-a', [first], { expectedVersion: 'no_stream' });
    expect(again).toMatchObject({ duplicate: true, lastGlobalPosition: 1 });
    expect(await positions()).toEqual([1, 2]);
    const next = await store.append('tally-a', [newEvent()]);
    expect(next).toMatchObject({ streamVersion: 3, lastGlobalPosition: 3, duplicate: false });
    await Promise.all([store.close(), other.close()]);
  });
});
