// What both rebuild benchmarks share: the log they fold, the projection, the raw baseline's read-and-fold loop,
// and timing the projection runner into a read store.
import { randomUUID } from 'node:crypto';
import { SqlEventStore, type NewEvent, type RecordedEvent } from '@liaison/eventstore';
import { ProjectionRunner, type Projection } from '@liaison/projector';
import type { ReadStore } from '@liaison/readstore';
import type { SqlClient } from '@liaison/sql';
import { eventsPerSecond } from './measure.js';

export type Totals = { id: string; count: number; sum: number; last: string };

/** The fold: how many events a stream had, their sum, and the last one's time. */
export function foldTotals(document: Totals | null, event: RecordedEvent, id: string): Totals {
  return {
    id,
    count: (document?.count ?? 0) + 1,
    sum: (document?.sum ?? 0) + (event.data as { n: number }).n,
    last: event.occurredAt,
  };
}

/** One document per stream. */
export const totals: Projection<Totals> = {
  name: 'totals',
  version: 1,
  fields: { count: { kind: 'number' } },
  eventTypes: ['Counted'],
  documentIds: (event) => [event.streamId],
  fold: foldTotals,
};

/** A Counted event carrying `n`. */
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

/** Appends `events` Counted events over `streams` streams, 100 per append. */
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

/** A document the raw baseline writes, with the position of the last event folded into it. */
export interface RawWrite {
  id: string;
  position: number;
  doc: Totals;
}

/**
 * The baseline's work without the platform: reads the log up to `head` as stored (every column of each row,
 * decoded by the driver) in batches of `batchSize`, folds in memory, and hands each batch's changed documents
 * to `write`. Returns events per second.
 */
export function rawFoldRate(
  sql: SqlClient,
  eventCount: number,
  head: number,
  batchSize: number,
  write: (changed: RawWrite[]) => Promise<unknown>,
): Promise<number> {
  const documents = new Map<string, Totals>();
  return eventsPerSecond(eventCount, async () => {
    for (let after = 0; after < head;) {
      const rows = await sql.query(
        `SELECT * FROM events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
        [after, batchSize],
      );
      const changed = new Map<string, RawWrite>();
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
        changed.set(doc.id, { id: doc.id, position, doc });
        after = position;
      }
      await write([...changed.values()]);
    }
  });
}

/**
 * The subject: a ProjectionRunner folding the log up to `head` into a fresh physical collection `collection`
 * of `reads`, dropped afterwards. Returns events per second.
 */
export async function runnerRate(
  store: SqlEventStore,
  reads: ReadStore,
  collection: string,
  eventCount: number,
  head: number,
  batchSize: number,
): Promise<number> {
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
}
