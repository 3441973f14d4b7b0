// Verification benchmark: events per second through the verifier, against raw SHA-256 over the same bytes.
import { hash, randomUUID } from 'node:crypto';
import { eventLeaf, generateSigningKey, LogVerifier } from '@liaison/audit';
import { readCheckpoints, Sealer, verifyEventStore } from '@liaison/audit-service';
import {
  canonicalJson,
  eventHash,
  GENESIS_HASH,
  SqlEventStore,
  type RecordedEvent,
} from '@liaison/eventstore';
import { quoteIdent, type SqlClient } from '@liaison/sql';
import { compare, eventsPerSecond, type Comparison } from './measure.js';
import type { BenchTarget } from './targets.js';

const SEAL_EVERY = 1000;

/** Writes a hash-chained log of `events` events over `streams` streams straight into the table, then seals it. */
async function buildLog(sql: SqlClient, events: number, streams: number): Promise<SqlEventStore> {
  const store = await SqlEventStore.open(sql);
  const tips = new Map<string, { position: number; hash: string }>();
  const now = new Date().toISOString();
  const table = `${quoteIdent(sql.schema)}.events`;
  for (let start = 0; start < events; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(events, start + 1000); i++) {
      const streamId = `counter-${i % streams}`;
      const tip = tips.get(streamId) ?? { position: 0, hash: GENESIS_HASH };
      const id = randomUUID();
      const fields = {
        id,
        type: 'Added',
        schemaVersion: 1,
        streamId,
        streamPosition: tip.position + 1,
        occurredAt: now,
        recordedAt: now,
        data: { amount: i, note: 'a typical small payload of a few dozen characters' },
        metadata: {
          actorId: 'bench',
          role: 'system',
          jurisdictionId: null,
          commandId: id,
          correlationId: id,
          causationId: null,
        },
        previousHash: tip.hash,
      };
      const hash = eventHash(fields);
      tips.set(streamId, { position: fields.streamPosition, hash });
      rows.push({ ...fields, globalPosition: i + 1, hash });
    }
    await sql.query(
      `INSERT INTO ${table} (global_position, id, stream_id, stream_position, category, type, schema_version, data,
         metadata, occurred_at, recorded_at, previous_hash, hash)
       SELECT (e->>'globalPosition')::bigint, (e->>'id')::uuid, e->>'streamId', (e->>'streamPosition')::int, 'counter',
              e->>'type', 1, e->'data', e->'metadata', (e->>'occurredAt')::timestamptz, (e->>'recordedAt')::timestamptz,
              e->>'previousHash', e->>'hash'
         FROM jsonb_array_elements($1::jsonb) AS e`,
      [JSON.stringify(rows)],
    );
  }
  return store;
}

/**
 * The verifier reading the log from the store, and the verifier fed from memory, each against SHA-256 alone over
 * the bytes the verifier hashes per event (the canonical event for its chain hash, and its Merkle leaf).
 */
export async function verifyBenchmarks(
  target: BenchTarget,
  events: number,
  streams: number,
): Promise<Comparison[]> {
  const sql = await target.open();
  try {
    const { signer } = generateSigningKey();
    const store = await buildLog(sql, events, streams);
    await new Sealer(store, { signer, everyEvents: SEAL_EVERY, intervalMs: 3_600_000 }).catchUp();
    const log: RecordedEvent[] = [];
    for (let after = 0; ;) {
      const page = await store.readAll({ after, maxCount: 5000 });
      log.push(...page);
      if (page.length < 5000) break;
      after = page[page.length - 1]!.globalPosition;
    }
    const checkpoints = await readCheckpoints(store);
    const total = log.length;
    // The limit: SHA-256 over exactly the bytes the verifier hashes, prepared in advance.
    const bytes = log.flatMap((event) => {
      const { globalPosition: _g, category: _c, hash: _h, ...hashed } = event;
      return [Buffer.from(canonicalJson(hashed)), Buffer.concat([Buffer.from([0]), eventLeaf(event)])];
    });
    const rawHashing = {
      name: 'SHA-256 of the same bytes',
      run: () =>
        eventsPerSecond(total, async () => {
          // One-shot hashing, the cheapest way Node.js offers (the verifier uses it too).
          for (let i = 0; i < bytes.length; i += 2) {
            hash('sha256', bytes[i]!);
            hash('sha256', bytes[i + 1]!, 'buffer');
          }
          await Promise.resolve();
        }),
    };
    const check = (ok: boolean) => {
      if (!ok) throw new Error('expected the benchmark log to verify');
    };
    const fromStore = await compare('verify', target.name, total, 0.1, rawHashing, {
      name: 'verifyEventStore (reads the log)',
      run: () =>
        eventsPerSecond(total, async () => {
          check((await verifyEventStore(store, { publicKeys: [signer.publicKey] })).ok);
        }),
    });
    const inMemory = await compare('verify', 'memory', total, 0.2, rawHashing, {
      name: 'LogVerifier (events in memory)',
      run: () =>
        eventsPerSecond(total, async () => {
          const verifier = new LogVerifier({ publicKeys: [signer.publicKey], checkpoints });
          for (const event of log) verifier.feed(event);
          check(verifier.finish().ok);
          await Promise.resolve();
        }),
    });
    await store.close();
    return [fromStore, inMemory];
  } finally {
    await target.dispose(sql);
  }
}
