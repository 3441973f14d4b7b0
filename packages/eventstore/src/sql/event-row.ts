// The events table's columns as the drivers return them, and their mapping to recorded events.
import type { SqlRow } from '@liaison/sql';
import type { EventMetadata, RecordedEvent } from '../envelope.js';

/** The columns every read selects, in table order. */
export const EVENT_COLUMNS =
  'global_position, id, stream_id, stream_position, category, type, schema_version, data, metadata, occurred_at, recorded_at, previous_hash, hash';

/** Maps a row of EVENT_COLUMNS: bigint (a string from node-postgres) to number, timestamps to ISO-8601 UTC. */
export function toRecordedEvent(row: SqlRow): RecordedEvent {
  return {
    id: String(row.id),
    type: String(row.type),
    schemaVersion: Number(row.schema_version),
    streamId: String(row.stream_id),
    category: String(row.category),
    streamPosition: Number(row.stream_position),
    globalPosition: Number(row.global_position),
    data: row.data as unknown,
    metadata: row.metadata as EventMetadata,
    occurredAt: toIso(row.occurred_at),
    recordedAt: toIso(row.recorded_at),
    previousHash: String(row.previous_hash),
    hash: String(row.hash),
  };
}

function toIso(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}
