// The event envelope as KurrentDB stores it: the data as the event's JSON data, and everything else the port
// promises (schema version, business and record time, who/why metadata, the hash-chain link, the position
// anchor) in the event's JSON metadata.
import {
  jsonEvent,
  type EventData,
  type JSONType,
  type RecordedEvent as KurrentRecordedEvent,
} from '@kurrent/kurrentdb-client';
import { categoryOf, type EventMetadata, type RecordedEvent } from '../envelope.js';
import type { LinkedEvent } from '../hash-chain.js';
import { streamPositionOf } from './expected-version.js';
import type { StreamNames } from './stream-names.js';

/** Marks the metadata this adapter writes, and its layout version. */
export const ENVELOPE_FORMAT = 'liaison.envelope/1';

/** The metadata stored with each event. */
export interface StoredEnvelope {
  format: typeof ENVELOPE_FORMAT;
  schemaVersion: number;
  occurredAt: string;
  recordedAt: string;
  /** The port's metadata object, exactly as normalised. */
  metadata: EventMetadata;
  previousHash: string;
  hash: string;
  /** Index of the event in its append: the anchor of its global position (see positions.ts). */
  appendIndex: number;
  /** Names the write that stored the event (a UUID per append attempt); not hashed. */
  appendId: string;
  /** KurrentDB's own correlation convention, so $by_correlation_id and the web UI see the chain. */
  $correlationId?: string;
  $causationId?: string;
}

/** An event read back, before its global position is known. */
export interface DecodedEvent {
  event: Omit<RecordedEvent, 'globalPosition'>;
  /** The KurrentDB stream it was read from. */
  streamName: string;
  revision: bigint;
  /** The log position of its record, when the server reported one. */
  logPosition: bigint | undefined;
  appendIndex: number;
  appendId: string;
}

/** The KurrentDB event for a linked event at `appendIndex` of the append `appendId`. */
export function encodeEvent(event: LinkedEvent, appendIndex: number, appendId: string): EventData {
  const envelope: StoredEnvelope = {
    format: ENVELOPE_FORMAT,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    metadata: event.metadata,
    previousHash: event.previousHash,
    hash: event.hash,
    appendIndex,
    appendId,
  };
  const { correlationId, causationId } = event.metadata as Partial<EventMetadata>;
  if (typeof correlationId === 'string') envelope.$correlationId = correlationId;
  if (typeof causationId === 'string') envelope.$causationId = causationId;
  return jsonEvent({
    id: event.id,
    type: event.type,
    // Any JSON value is stored as its JSON text; the client's type only names the common shapes.
    data: event.data as JSONType,
    metadata: envelope as unknown as JSONType,
  });
}

/**
 * The port event stored in a KurrentDB event, or null when the event is not one of this store's: another
 * stream (a system stream, an id claim, another namespace) or an event written without this envelope.
 */
export function decodeEvent(recorded: KurrentRecordedEvent, names: StreamNames): DecodedEvent | null {
  const streamId = names.streamId(recorded.streamId);
  if (streamId === null || !recorded.isJson) return null;
  const envelope = recorded.metadata as Partial<StoredEnvelope> | undefined;
  if (!isStoredEnvelope(envelope)) return null;
  return {
    event: {
      id: recorded.id.toLowerCase(),
      type: recorded.type,
      schemaVersion: envelope.schemaVersion,
      streamId,
      category: categoryOf(streamId),
      streamPosition: streamPositionOf(recorded.revision),
      data: recorded.data,
      metadata: envelope.metadata,
      occurredAt: envelope.occurredAt,
      recordedAt: envelope.recordedAt,
      previousHash: envelope.previousHash,
      hash: envelope.hash,
    },
    streamName: recorded.streamId,
    revision: recorded.revision,
    logPosition: recorded.position?.commit,
    appendIndex: envelope.appendIndex,
    appendId: envelope.appendId,
  };
}

function isStoredEnvelope(value: Partial<StoredEnvelope> | undefined): value is StoredEnvelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    value.format === ENVELOPE_FORMAT &&
    Number.isInteger(value.schemaVersion) &&
    typeof value.occurredAt === 'string' &&
    typeof value.recordedAt === 'string' &&
    typeof value.metadata === 'object' &&
    value.metadata !== null &&
    typeof value.previousHash === 'string' &&
    typeof value.hash === 'string' &&
    Number.isInteger(value.appendIndex) &&
    value.appendIndex! >= 0 &&
    typeof value.appendId === 'string'
  );
}
