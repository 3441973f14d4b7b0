// Appends to a log that other processes write too (PostgreSQL): one event goes through `append_event`, and
// whatever it refuses (a head that moved, a stored id) is classified by `append_events`, writing nothing twice.
import { openPostgres, type SqlClient } from '@liaison/sql';
import { postgresTarget, testDatabaseUrl } from '@liaison/testing';
import { newEvent } from '../contract/fixtures.js';
import { eventHash } from '../hash-chain.js';
import { SqlEventStore } from './sql-event-store.js';

const url = testDatabaseUrl();

(url ? describe : describe.skip)('appends to a log shared with other processes (PostgreSQL)', () => {
  const target = postgresTarget(url ?? '');
  let sql: SqlClient;
  let otherSql: SqlClient;
  let store: SqlEventStore;
  let other: SqlEventStore;

  beforeEach(async () => {
    sql = await target.open();
    store = await SqlEventStore.open(sql);
    // Another process: its own client on the same schema, its own head cache.
    otherSql = await openPostgres({ connectionString: url!, schema: sql.schema });
    other = await SqlEventStore.open(otherSql);
  });

  afterEach(async () => {
    await Promise.all([store.close(), other.close()]);
    await otherSql.close();
    await target.dispose(sql);
  });

  const rows = async () =>
    sql.query<{ g: string; s: string; p: number }>(
      'SELECT global_position AS g, stream_id AS s, stream_position AS p FROM events ORDER BY 1',
    );

  it('re-hashes a single event on the head another process moved, for expected version any', async () => {
    await store.append('tally-a', [newEvent()]);
    await other.append('tally-a', [newEvent()]);
    // store still remembers version 1; its first attempt is refused and the retry links onto version 2.
    const result = await store.append('tally-a', [newEvent()]);
    expect(result).toMatchObject({ streamVersion: 3, lastGlobalPosition: 3, duplicate: false });
    const stream = await store.readStream('tally-a');
    expect(stream.map((e) => e.streamPosition)).toEqual([1, 2, 3]);
    for (const [index, recorded] of stream.entries()) {
      expect(recorded.hash).toBe(eventHash(recorded));
      if (index > 0) expect(recorded.previousHash).toBe(stream[index - 1]!.hash);
    }
  });

  it('refuses a single event on a moved stream for an exact expected version, writing nothing', async () => {
    await store.append('tally-a', [newEvent()], { expectedVersion: 'no_stream' });
    await other.append('tally-a', [newEvent()], { expectedVersion: 1 });
    await expect(store.append('tally-a', [newEvent()], { expectedVersion: 1 })).rejects.toMatchObject({
      code: 'WRONG_EXPECTED_VERSION',
      actual: 2,
    });
    expect(await rows()).toHaveLength(2);
  });

  it('answers a single event re-sent after the stream moved on with its original positions', async () => {
    const first = newEvent();
    await store.append('tally-a', [first], { expectedVersion: 'no_stream' });
    await other.append('tally-a', [newEvent()]);
    const again = await store.append('tally-a', [first], { expectedVersion: 'no_stream' });
    expect(again).toMatchObject({
      duplicate: true,
      streamVersion: 2,
      positions: [{ id: first.id, streamPosition: 1, globalPosition: 1 }],
    });
    expect(await rows()).toHaveLength(2);
  });

  it('refuses a single event whose id is stored in another stream, writing nothing', async () => {
    const shared = newEvent();
    await other.append('tally-b', [shared]);
    await expect(store.append('tally-a', [shared])).rejects.toMatchObject({ code: 'INVALID_EVENT' });
    expect(await rows()).toEqual([{ g: '1', s: 'tally-b', p: 1 }]);
  });

  it('wakes a subscriber in another process at once when a single event is appended', async () => {
    // A poll interval far beyond the test's patience: only the NOTIFY can deliver in time.
    const listening = await SqlEventStore.open(otherSql, { pollIntervalMs: 600_000 });
    const abort = new AbortController();
    const received: string[] = [];
    const subscription = (async () => {
      for await (const batch of listening.subscribe({ signal: abort.signal })) {
        received.push(...batch.events.map((e) => e.streamId));
        if (received.length > 0) return;
      }
    })();
    // Let the subscription catch up (an empty log) and wait for notifications before appending.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await store.append('tally-a', [newEvent()]);
    await Promise.race([subscription, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    expect(received).toEqual(['tally-a']);
    abort.abort();
    await listening.close();
    await subscription;
  });
});
