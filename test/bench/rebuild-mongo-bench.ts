// Rebuild benchmark on MongoDB read models: the projection runner into MongoReadStore, against a raw read of the
// log plus raw bulkWrite upserts of the same documents into a plain collection on the same server.
import { randomBytes } from 'node:crypto';
import { MongoReadStore } from '@liaison/readstore';
import { MongoClient } from 'mongodb';
import { compare, type Comparison } from './measure.js';
import { rawFoldRate, runnerRate, seed, type Totals } from './rebuild-fixture.js';
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
    const rate = await rawFoldRate(sql, eventCount, head, batchSize, (changed) =>
      collection.bulkWrite(
        changed.map(({ id, position, doc }) => ({
          replaceOne: { filter: { _id: id }, replacement: { pos: position, doc }, upsert: true },
        })),
        { ordered: false },
      ),
    );
    await collection.drop();
    return rate;
  };

  const subject = () => runnerRate(store, reads, `totals__v1_bench${round++}`, eventCount, head, batchSize);

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
