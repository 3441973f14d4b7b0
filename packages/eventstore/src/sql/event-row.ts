// Events as rows of the events table. Reads carry a page of events as ONE JSON text, decoded with JSON.parse:
// per-column decoding in the drivers (timestamps, JSONB, bigint) costs more than the query itself, on PGlite
// most of all. Appends bind an event's columns as `storedColumns` lists them.
import { categoryOf, type EventMetadata, type RecordedEvent } from '../envelope.js';
import type { LinkedEvent } from '../hash-chain.js';

/** One event as a JSON array, in the order `decodeEvents` reads it; `e` is the events row. */
const EVENT_ARRAY = `json_build_array(e.global_position, e.id, e.stream_id, e.stream_position, e.category, e.type,
  e.schema_version, e.data, e.metadata, e.occurred_at, e.recorded_at, e.previous_hash, e.hash)`;

type EventTuple = [
  globalPosition: number,
  id: string,
  streamId: string,
  streamPosition: number,
  category: string,
  type: string,
  schemaVersion: number,
  data: unknown,
  metadata: EventMetadata,
  occurredAt: string,
  recordedAt: string,
  previousHash: string,
  hash: string,
];

/**
 * A scalar subquery: the rows of `source` (aliased `e`) as one JSON array text. The aggregate takes the
 * subquery's order as it comes (an ORDER BY inside json_agg would double the server's work); `decodeEvents`
 * puts the events in order.
 */
export function eventPageSql(source: string): string {
  return `(SELECT coalesce(json_agg(${EVENT_ARRAY}), '[]')::text FROM (${source}) e)`;
}

/**
 * Decodes a page built by `eventPageSql` in log order (or its reverse); timestamps become ISO-8601 UTC with
 * milliseconds.
 */
export function decodeEvents(page: string, direction: 'forwards' | 'backwards'): RecordedEvent[] {
  const tuples = JSON.parse(page) as EventTuple[];
  const sign = direction === 'forwards' ? 1 : -1;
  // Already in order unless the server chose otherwise: then this sort is a single pass.
  tuples.sort((a, b) => sign * (a[0] - b[0]));
  return tuples.map((tuple) => ({
    globalPosition: tuple[0],
    id: tuple[1],
    streamId: tuple[2],
    streamPosition: tuple[3],
    category: tuple[4],
    type: tuple[5],
    schemaVersion: tuple[6],
    data: tuple[7],
    metadata: tuple[8],
    occurredAt: new Date(tuple[9]).toISOString(),
    recordedAt: new Date(tuple[10]).toISOString(),
    previousHash: tuple[11],
    hash: tuple[12],
  }));
}

/**
 * The values an INSERT binds for an event's columns after global_position, in the table's order (id,
 * stream_id, stream_position, category, type, schema_version, data, metadata, occurred_at, recorded_at,
 * previous_hash, hash), data and metadata as JSON text.
 */
export function storedColumns(event: LinkedEvent): unknown[] {
  return [
    event.id,
    event.streamId,
    event.streamPosition,
    categoryOf(event.streamId),
    event.type,
    event.schemaVersion,
    JSON.stringify(event.data),
    JSON.stringify(event.metadata),
    event.occurredAt,
    event.recordedAt,
    event.previousHash,
    event.hash,
  ];
}
