// Rebuild benchmark: a projection folding the whole log into fresh read models, against a raw read of the log
// (every column of its rows, as the driver decodes them) plus raw bulk writes of the same documents, with the
// documents kept in memory.
import { randomUUID } from 'node:crypto';
import { SqlEventStore, type NewEvent, type RecordedEvent } from '@liaison/eventstore';
import { ProjectionRunner, type Projection } from '@liaison/projector';
import { SqlReadStore } from '@liaison/readstore';
import type { SqlClient } from '@liaison/sql';
import { compare, eventsPerSecond, type Comparison } from './measure.js';
import type { BenchTarget } from './targets.js';

export type Totals = { id: string; count: number; sum: number; last: string };

export function foldTotals(document: Totals | null, event: RecordedEvent, id: string): Totals {
  return {
    id,
    count: (document?.count ?? 0) + 1,
    sum: (document?.sum ?? 0) + (event.data as { n: number }).n,
    last: event.occurredAt,
  };
}

export const totals: Projection<Totals> = {
  name: 'totals',
  version: 1,
  fields: { count: { kind: 'number' } },
  eventTypes: ['Counted'],
  documentIds: (event) => [event.streamId],
  fold: foldTotals,
};

function counted(n: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'Counted',
    data: { n },
    occurredAt: new Date().toISOString(),
    metadata: {
      actorId: 'bench',
      role: 'system',
      jurisdictionId: null,
      commandId: randomUUID(),
      correlationId: 'bench',
      causationId: null,
    },
  };
}

export async function seed(sql: SqlClient, events: number, streams: number): Promise<SqlEventStore> {
  const store = await SqlEventStore.open(sql);
  const perAppend = 100;
  for (let i = 0; i < events / perAppend; i++) {
    await store.append(
      `totals-${i % streams}`,
      Array.from({ length: perAppend }, (_, j) => counted(i * perAppend + j)),
    );
  }
  return store;
}

/** Folds `events` events over `streams` streams into one document per stream, in batches of `batchSize`. */
export async function rebuildBenchmark(
  target: BenchTarget,
  events: number,
  streams: number,
  batchSize = 1000,
): Promise<Comparison> {
  const sql = await target.open();
  const store = await seed(sql, events, streams);
  const reads = await SqlReadStore.open(sql);
  const head = await store.headPosition();
  let round = 0;

  const baseline = async () => {
    const table = `raw_totals_${round++}`;
    await sql.exec(`CREATE TABLE ${table} (id text PRIMARY KEY, position bigint NOT NULL, doc jsonb)`);
    const documents = new Map<string, Totals>();
    const rate = await eventsPerSecond(events, async () => {
      for (let after = 0; after < head;) {
        // The log as stored: every column of each row, decoded by the driver.
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
        await sql.query(
          `INSERT INTO ${table} (id, position, doc)
           SELECT x.id, x.position, x.doc FROM jsonb_to_recordset($1::jsonb) AS x(id text, position bigint, doc jsonb)
           ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, doc = EXCLUDED.doc`,
          [JSON.stringify([...changed].map(([id, { position, doc }]) => ({ id, position, doc })))],
        );
      }
    });
    await sql.exec(`DROP TABLE ${table}`);
    return rate;
  };

  const subject = async () => {
    const collection = `totals__v1_bench${round++}`;
    await reads.createCollection(collection, { name: 'totals', fields: totals.fields });
    const runner = new ProjectionRunner(store, reads, totals, collection, { batchSize });
    const rate = await eventsPerSecond(events, async () => {
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
      target.name,
      events,
      0.7,
      { name: 'raw read of the log + raw bulk upserts', run: baseline },
      { name: 'ProjectionRunner', run: subject },
    );
  } finally {
    await store.close();
    await reads.close();
    await target.dispose(sql);
  }
}
