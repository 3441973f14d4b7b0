// Tampering directly in the SQL tables, on both drivers: every edit, deletion, insertion and reordering is
// reported with its stream and position; a forgotten voter's history still verifies.
import { generateSigningKey } from '@liaison/audit';
import { eventHash, SqlEventStore, type RecordedEvent } from '@liaison/eventstore';
import { quoteIdent, type SqlClient } from '@liaison/sql';
import { testSqlTargets } from '@liaison/testing';
import { createCipheriv, randomBytes, randomUUID } from 'node:crypto';
import { Sealer } from '../sealing/sealer.js';
import { verifyEventStore } from './verify-store.js';

const { signer } = generateSigningKey();
const EVENTS = 25;
const STREAMS = 4;

/** Global position of the n-th event (0-based) of stream thing-j: events go round robin over the streams. */
const at = (stream: number, n: number) => n * STREAMS + stream + 1;

function newEvent(streamIndex: number, data: unknown) {
  return {
    id: randomUUID(),
    type: 'ThingHappened',
    data,
    metadata: {
      actorId: `user-${streamIndex}`,
      role: 'station-staff',
      jurisdictionId: null,
      commandId: randomUUID(),
      correlationId: 'c',
      causationId: null,
    },
    occurredAt: '2026-01-01T08:00:00+08:00',
  };
}

describe.each(testSqlTargets())('tamper evidence on $name', (target) => {
  let sql: SqlClient;
  let store: SqlEventStore;
  let table: string;

  beforeAll(async () => {
    sql = await target.open();
    table = `${quoteIdent(sql.schema)}.events`;
  });
  afterAll(async () => {
    await target.dispose(sql);
  });

  // A fresh log per test in the same database: 25 events over 4 streams, sealed every 8 (checkpoints at 8, 16, 24).
  beforeEach(async () => {
    await sql.exec(`DROP TABLE IF EXISTS ${table}`);
    store = await SqlEventStore.open(sql);
    for (let i = 0; i < EVENTS; i++)
      await store.append(`thing-${i % STREAMS}`, [newEvent(i % STREAMS, { i })]);
    await new Sealer(store, { signer, everyEvents: 8, intervalMs: 3_600_000 }).catchUp();
  });
  afterEach(async () => {
    await store.close();
  });

  /** Verifies through a fresh store, so nothing cached from before the tampering is used. */
  async function verify() {
    const fresh = await SqlEventStore.open(sql);
    try {
      return await verifyEventStore(fresh, { publicKeys: [signer.publicKey], batchSize: 7 });
    } finally {
      await fresh.close();
    }
  }

  async function row(position: number): Promise<RecordedEvent> {
    const [event] = await store.readAll({ after: position - 1, maxCount: 1 });
    return event!;
  }

  /** Moves events at or after `from` by `by` global positions (two steps, so unique keys hold in between). */
  async function shiftPositions(from: number, by: number): Promise<void> {
    await sql.query(
      `UPDATE ${table} SET global_position = -(global_position + $2) WHERE global_position >= $1`,
      [from, by],
    );
    await sql.query(`UPDATE ${table} SET global_position = -global_position WHERE global_position < 0`);
  }

  it('verifies the intact log', async () => {
    const report = await verify();
    expect(report).toMatchObject({
      ok: true,
      eventsVerified: 28,
      streamsVerified: 5,
      checkpointsVerified: 3,
      unsealedEvents: 4,
      firstProblem: null,
    });
  });

  it('detects an edited event at its stream and position', async () => {
    const position = at(1, 2); // thing-1, stream position 3
    await sql.query(`UPDATE ${table} SET data = '{"i": 999}' WHERE global_position = $1`, [position]);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.firstProblem).toMatchObject({
      kind: 'HASH_MISMATCH',
      streamId: 'thing-1',
      streamPosition: 3,
      globalPosition: position,
    });
  });

  it('detects an edit whose stream chain was rehashed by the signed root, narrowed to where it is', async () => {
    const position = at(2, 1); // thing-2, stream position 2: global 7, under the checkpoint of 8
    await sql.query(`UPDATE ${table} SET data = '{"i": 999}' WHERE global_position = $1`, [position]);
    // The forger recomputes every hash of the stream from the edited event on, so every chain checks out.
    const stream = await store.readStream('thing-2');
    let previousHash = stream[0]!.hash;
    for (const event of stream.slice(1)) {
      const hash = eventHash({ ...event, previousHash });
      await sql.query(`UPDATE ${table} SET previous_hash = $2, hash = $3 WHERE id = $1`, [
        event.id,
        previousHash,
        hash,
      ]);
      previousHash = hash;
    }
    const report = await verify();
    expect(report.problems.map((p) => p.kind)).toEqual(['ROOT_MISMATCH', 'ROOT_MISMATCH', 'ROOT_MISMATCH']);
    const first = report.firstProblem!;
    expect(first.globalPosition).toBeLessThanOrEqual(position);
    expect(first.throughGlobalPosition).toBeGreaterThanOrEqual(position);
    expect(first.throughGlobalPosition).toBeLessThanOrEqual(8);
  });

  it('detects a deleted event: the missing position, then the break in its stream', async () => {
    const position = at(3, 2); // thing-3, stream position 3
    await sql.query(`DELETE FROM ${table} WHERE global_position = $1`, [position]);
    const report = await verify();
    expect(report.firstProblem).toMatchObject({
      kind: 'MISSING_EVENT',
      globalPosition: position,
      streamId: null,
    });
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        kind: 'STREAM_GAP',
        streamId: 'thing-3',
        streamPosition: 4,
        globalPosition: at(3, 3),
      }),
    );
  });

  it('detects a deletion closed up by renumbering the log', async () => {
    const position = at(0, 1); // thing-0, stream position 2
    await sql.query(`DELETE FROM ${table} WHERE global_position = $1`, [position]);
    await shiftPositions(position + 1, -1);
    const report = await verify();
    expect(report.firstProblem).toMatchObject({
      kind: 'STREAM_GAP',
      streamId: 'thing-0',
      streamPosition: 3,
      globalPosition: at(0, 2) - 1,
    });
  });

  it('detects an event inserted into a stream at the broken link after it', async () => {
    const position = at(2, 2); // before thing-2's third event
    const original = await row(position);
    await shiftPositions(position, 1);
    await sql.query(
      `UPDATE ${table} SET stream_position = -(stream_position + 1) WHERE stream_id = 'thing-2' AND stream_position >= 3`,
    );
    await sql.query(`UPDATE ${table} SET stream_position = -stream_position WHERE stream_position < 0`);
    const forged = {
      ...newEvent(2, { i: -1 }),
      schemaVersion: 1,
      streamId: 'thing-2',
      streamPosition: 3,
      occurredAt: original.occurredAt,
      recordedAt: original.recordedAt,
      previousHash: original.previousHash,
    };
    await sql.query(
      `INSERT INTO ${table} (global_position, id, stream_id, stream_position, category, type, schema_version, data,
         metadata, occurred_at, recorded_at, previous_hash, hash)
       VALUES ($1, $2, 'thing-2', 3, 'thing', $3, 1, $4, $5, $6, $7, $8, $9)`,
      [
        position,
        forged.id,
        forged.type,
        JSON.stringify(forged.data),
        JSON.stringify(forged.metadata),
        forged.occurredAt,
        forged.recordedAt,
        forged.previousHash,
        eventHash(forged),
      ],
    );
    const report = await verify();
    expect(report.firstProblem).toMatchObject({
      kind: 'CHAIN_BROKEN',
      streamId: 'thing-2',
      streamPosition: 4,
      globalPosition: position + 1,
    });
  });

  it('detects a whole forged stream slipped into the log by the signed root', async () => {
    const position = 12;
    await shiftPositions(position, 1);
    const forged = {
      ...newEvent(9, { i: -1 }),
      schemaVersion: 1,
      streamId: 'intruder-1',
      streamPosition: 1,
      occurredAt: '2026-01-01T00:00:00.000Z',
      recordedAt: '2026-01-01T00:00:00.000Z',
      previousHash: '0'.repeat(64),
    };
    await sql.query(
      `INSERT INTO ${table} (global_position, id, stream_id, stream_position, category, type, schema_version, data,
         metadata, occurred_at, recorded_at, previous_hash, hash)
       VALUES ($1, $2, 'intruder-1', 1, 'intruder', $3, 1, $4, $5, $6, $7, $8, $9)`,
      [
        position,
        forged.id,
        forged.type,
        JSON.stringify(forged.data),
        JSON.stringify(forged.metadata),
        forged.occurredAt,
        forged.recordedAt,
        forged.previousHash,
        eventHash(forged),
      ],
    );
    const report = await verify();
    const first = report.firstProblem!;
    expect(first.kind).toBe('ROOT_MISMATCH');
    expect(first.globalPosition).toBeLessThanOrEqual(position);
    expect(first.globalPosition).toBeGreaterThan(8); // the first checkpoint still verifies
    expect(first.throughGlobalPosition).toBeGreaterThanOrEqual(position);
    expect(report.problems.some((p) => p.kind !== 'ROOT_MISMATCH')).toBe(false);
  });

  it('detects two events of different streams swapped by the signed root', async () => {
    const [a, b] = [at(1, 3), at(2, 3)]; // 14 and 15: different streams, every chain stays intact
    await sql.query(
      `UPDATE ${table} SET global_position = CASE global_position WHEN $1 THEN -$2 ELSE -$1 END WHERE global_position IN ($1, $2)`,
      [a, b],
    );
    await sql.query(`UPDATE ${table} SET global_position = -global_position WHERE global_position < 0`);
    const report = await verify();
    const first = report.firstProblem!;
    expect(first.kind).toBe('ROOT_MISMATCH');
    expect(first.globalPosition).toBeGreaterThan(8);
    expect(first.globalPosition).toBeLessThanOrEqual(a);
    expect(first.throughGlobalPosition).toBeGreaterThanOrEqual(b);
    expect(first.throughGlobalPosition).toBeLessThanOrEqual(16);
  });

  it('detects two events of one stream swapped at the stream and position', async () => {
    const [a, b] = [at(0, 1), at(0, 2)]; // thing-0 positions 2 and 3
    await sql.query(
      `UPDATE ${table} SET global_position = CASE global_position WHEN $1 THEN -$2 ELSE -$1 END WHERE global_position IN ($1, $2)`,
      [a, b],
    );
    await sql.query(`UPDATE ${table} SET global_position = -global_position WHERE global_position < 0`);
    const report = await verify();
    expect(report.firstProblem).toMatchObject({
      kind: 'STREAM_GAP',
      streamId: 'thing-0',
      streamPosition: 3,
      globalPosition: a,
    });
  });

  it('detects a checkpoint whose root was rewritten', async () => {
    await sql.query(
      `UPDATE ${table} SET data = jsonb_set(data, '{rootHash}', to_jsonb(repeat('a', 64))) WHERE stream_id = 'audit-checkpoints' AND stream_position = 2`,
    );
    const report = await verify();
    expect(report.firstProblem).toMatchObject({ kind: 'BAD_SIGNATURE', globalPosition: EVENTS + 2 });
    expect(report.problems).toContainEqual(
      expect.objectContaining({ kind: 'HASH_MISMATCH', streamId: 'audit-checkpoints', streamPosition: 2 }),
    );
  });

  it('still verifies a forgotten voter: the log holds ciphertext, forgetting deletes only the key', async () => {
    const key = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const ciphertext = Buffer.concat([cipher.update('张三, 13800000000', 'utf8'), cipher.final()]);
    const sealed = {
      voterKeyId: 'voter-1',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    };
    await store.append('opinion-1', [newEvent(0, { personalData: sealed })]);
    await new Sealer(store, { signer, everyEvents: 1, intervalMs: 3_600_000 }).catchUp();
    // The log holds only ciphertext; forgetting the voter deletes the key, kept outside the log.
    const keys = new Map([['voter-1', key]]);
    const [stored] = await sql.query<{ data: string }>(
      `SELECT data::text AS data FROM ${table} WHERE stream_id = 'opinion-1'`,
    );
    expect(stored!.data).not.toContain('13800000000');
    keys.delete('voter-1');
    const report = await verify();
    expect(report).toMatchObject({ ok: true, firstProblem: null });
    expect(report.checkpointsVerified).toBeGreaterThanOrEqual(4);
    expect(report.lastCheckpoint!.treeSize).toBeGreaterThanOrEqual(EVENTS + 4);
  });
});
