// Rebuild benchmark on MongoDB read models: the projection runner into MongoReadStore, against a raw read of the
// log plus raw bulkWrite upserts of the same documents into a plain collection on the same server.
import { randomBytes } from 'node:crypto';
import type { RecordedEvent } from '@liaison/eventstore';
import { ProjectionRunner } from '@liaison/projector';
import { MongoReadStore } from '@liaison/readstore';
import { MongoClient } from 'mongodb';
import { compare, eventsPerSecond, type Comparison } from './measure.js';
import { foldTotals, seed, totals, type Totals } from './rebuild-bench.js';
import type { BenchTarget } from './targets.js';

/** Folds `events` events (in `events`' SQL store) over `streams` streams into MongoDB at `mongoUrl`. */
export async function rebuildMongoBenchmark(
  events: BenchTarget,
  mongoUrl: string,
  eventCount: number,
  streams: number,
  batchSize = 1000,
): Promise<Comparison> {
  const sql = await events.open();
  const store = await seed(sql, eventCount, streams);
  const client = await new MongoClient(mongoUrl).connect();
  const db = client.db(`bench_${randomBytes(4).toString('hex')}`);
  const reads = await MongoReadStore.open(db);
  const head = await store.headPosition();
  let round = 0;

  const baseline = async () => {
    const collection = db.collection<{ _id: string; pos: number; doc: Totals }>(`raw_totals_${round++}`);
    await db.createCollection(collection.collectionName);
    const documents = new Map<string, Totals>();
    const rate = await eventsPerSecond(eventCount, async () => {
      for (let after = 0; after < head;) {
        // The log as stored: every column of each row, decoded by the driver (as the SQL baseline does).
        const rows = await sql.query(
          `SELECT * FROM events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
          [after, batchSize],
        );
        const changed = new Map<string, { position: number; doc: Totals }>();
        for (const row of rows) {
          const position = Number(row.global_position);
          const event = {
            data: row.data,
            occurredAt: new Date(row.occurred_at as string).toISOString(),
          } as RecordedEvent;
          const doc = foldTotals(
            documents.get(row.stream_id as string) ?? null,
            event,
            row.stream_id as string,
          );
          documents.set(doc.id, doc);
          changed.set(doc.id, { position, doc });
          after = position;
        }
        await collection.bulkWrite(
          [...changed].map(([id, { position, doc }]) => ({
            replaceOne: { filter: { _id: id }, replacement: { pos: position, doc }, upsert: true },
          })),
          { ordered: false },
        );
      }
    });
    await collection.drop();
    return rate;
  };

  const subject = async () => {
    const collection = `totals__v1_bench${round++}`;
    await reads.createCollection(collection, { name: 'totals', fields: totals.fields });
    const runner = new ProjectionRunner(store, reads, totals, collection, { batchSize });
    const rate = await eventsPerSecond(eventCount, async () => {
      const done = new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (runner.position >= head) {
            clearInterval(poll);
            resolve();
          }
        }, 2);
      });
      void runner.start();
      await done;
    });
    await runner.stop();
    await reads.dropCollection(collection);
    return rate;
  };

  try {
    return await compare(
      'rebuild',
      `${events.name} events + MongoDB-wire read models`,
      eventCount,
      0.7,
      { name: 'raw read of the log + raw bulkWrite upserts', run: baseline },
      { name: 'ProjectionRunner + MongoReadStore', run: subject },
    );
  } finally {
    await store.close();
    await reads.close();
    await db.dropDatabase();
    await client.close();
    await events.dispose(sql);
  }
}
