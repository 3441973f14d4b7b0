// The sealer on both SQL drivers: checkpoints at the interval, resuming after restart, one per interval with two sealers.
import {
  generateSigningKey,
  eventLeafHash,
  toHex,
  treeRoot,
  verifyCheckpointSignature,
} from '@liaison/audit';
import { SqlEventStore, type RecordedEvent } from '@liaison/eventstore';
import { quoteIdent, type SqlClient } from '@liaison/sql';
import { testSqlTargets } from '@liaison/testing';
import { randomUUID } from 'node:crypto';
import { verifyEventStore } from '../verifying/verify-store.js';
import { CHECKPOINT_STREAM, type CheckpointSealedData } from './events.js';
import { Sealer } from './sealer.js';

const { signer } = generateSigningKey();

async function appendEvents(store: SqlEventStore, count: number, streams = 4): Promise<void> {
  for (let i = 0; i < count; i++) {
    await store.append(`thing-${i % streams}`, [
      {
        id: randomUUID(),
        type: 'ThingHappened',
        data: { i },
        metadata: {
          actorId: 'u',
          role: 'admin',
          jurisdictionId: null,
          commandId: randomUUID(),
          correlationId: 'c',
          causationId: null,
        },
        occurredAt: '2026-01-01T08:00:00+08:00',
      },
    ]);
  }
}

async function checkpointsOf(
  store: SqlEventStore,
): Promise<Array<RecordedEvent<string, CheckpointSealedData>>> {
  return (await store.readStream(CHECKPOINT_STREAM)) as Array<RecordedEvent<string, CheckpointSealedData>>;
}

describe.each(testSqlTargets())('Sealer on $name', (target) => {
  let sql: SqlClient;
  let store: SqlEventStore;
  // One database per driver (opening PGlite is slow); each test starts from an empty log in it.
  beforeAll(async () => {
    sql = await target.open();
  });
  afterAll(async () => {
    await target.dispose(sql);
  });
  beforeEach(async () => {
    await sql.exec(`DROP TABLE IF EXISTS ${quoteIdent(sql.schema)}.events`);
    store = await SqlEventStore.open(sql);
  });
  afterEach(async () => {
    await store.close();
  });

  it('seals every N events with roots that match the RFC 6962 tree over the stored events', async () => {
    await appendEvents(store, 12);
    const sealer = new Sealer(store, { signer, everyEvents: 5, intervalMs: 3_600_000 });
    const sealed = await sealer.catchUp();
    expect(sealed.map((c) => c.treeSize)).toEqual([5, 10]); // the checkpoints land after the 12 events read
    const log = await store.readAll();
    const leaves = log.map(eventLeafHash);
    for (const checkpoint of sealed) {
      expect(checkpoint.rootHash).toBe(toHex(treeRoot(leaves, checkpoint.treeSize)));
      expect(verifyCheckpointSignature(checkpoint, signer.publicKey)).toBe(true);
    }
    expect(await sealer.catchUp()).toEqual([]); // 2 pending, interval not due
    const report = await verifyEventStore(store, { publicKeys: [signer.publicKey] });
    expect(report).toMatchObject({ ok: true, eventsVerified: 14, checkpointsVerified: 2 });
  });

  it('seals pending events once the interval has passed, and not before', async () => {
    let now = new Date('2026-01-01T00:00:00.000Z');
    const sealer = new Sealer(store, { signer, everyEvents: 1000, intervalMs: 60_000, now: () => now });
    await appendEvents(store, 3);
    expect((await sealer.catchUp()).map((c) => c.treeSize)).toEqual([3]); // the first seal is due at once
    await appendEvents(store, 2);
    now = new Date('2026-01-01T00:00:59.000Z');
    expect(await sealer.catchUp()).toEqual([]);
    now = new Date('2026-01-01T00:01:00.000Z');
    const [checkpoint] = await sealer.catchUp();
    expect(checkpoint).toMatchObject({ treeSize: 6, time: '2026-01-01T00:01:00.000Z' });
    now = new Date('2026-01-01T00:05:00.000Z');
    expect(await sealer.catchUp()).toEqual([]); // nothing new but the checkpoint itself
  });

  it('resumes after a restart from the last checkpoint, with the same tree', async () => {
    await appendEvents(store, 7);
    await new Sealer(store, { signer, everyEvents: 3, intervalMs: 3_600_000 }).catchUp();
    await appendEvents(store, 9);
    const restarted = new Sealer(store, { signer, everyEvents: 3, intervalMs: 3_600_000 });
    const sealed = await restarted.catchUp();
    expect(sealed.length).toBeGreaterThan(0);
    const leaves = (await store.readAll()).map(eventLeafHash);
    for (const { data } of await checkpointsOf(store)) {
      expect(data.rootHash).toBe(toHex(treeRoot(leaves, data.treeSize)));
    }
    expect((await verifyEventStore(store, { publicKeys: [signer.publicKey] })).ok).toBe(true);
  });

  it('lands exactly one checkpoint per interval when two sealers run at once', async () => {
    await appendEvents(store, 40, 7);
    const options = { signer, everyEvents: 4, intervalMs: 3_600_000, batchSize: 3 };
    const a = new Sealer(store, options);
    const b = new Sealer(store, options);
    // Each pass may stop early when the other sealed first; keep going until both are caught up.
    for (let round = 0; round < 40; round++) {
      const [fromA, fromB] = await Promise.all([a.catchUp(), b.catchUp()]);
      if (fromA.length === 0 && fromB.length === 0 && round > 0) break;
    }
    const checkpoints = (await checkpointsOf(store)).map((e) => e.data);
    const sizes = checkpoints.map((c) => c.treeSize);
    expect(new Set(sizes).size).toBe(sizes.length);
    // Every 4 non-checkpoint events: the boundaries are the same for both sealers.
    const log = await store.readAll();
    let pending = 0;
    const expected: number[] = [];
    for (const event of log) {
      if (event.streamId !== CHECKPOINT_STREAM) pending += 1;
      if (pending === 4 && expected.length < sizes.length) {
        expected.push(event.globalPosition);
        pending = 0;
      }
    }
    expect(sizes).toEqual(expected);
    expect(sizes.length).toBe(10);
    expect((await verifyEventStore(store, { publicKeys: [signer.publicKey] })).ok).toBe(true);
  });

  it('runs in the background and stops cleanly', async () => {
    await appendEvents(store, 4);
    const sealer = new Sealer(store, { signer, everyEvents: 2, intervalMs: 3_600_000, pollMs: 20 });
    const checkpointCount = async (count: number) => {
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const found = await checkpointsOf(store).catch(() => []);
        if (found.length >= count) return found.map((e) => e.data.treeSize);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`expected ${count} checkpoints within 10 s`);
    };
    sealer.start();
    expect(await checkpointCount(2)).toEqual([2, 4]);
    await appendEvents(store, 2); // positions 7 and 8, after the two checkpoints
    expect(await checkpointCount(3)).toEqual([2, 4, 8]);
    await sealer.stop();
    await appendEvents(store, 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await checkpointCount(3)).toEqual([2, 4, 8]); // stopped: nothing sealed any more
  });
});
