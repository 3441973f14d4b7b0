// What the Merkle tree commits to for each event: the stored event's canonical bytes, its own chain hash included.
import { canonicalJson, type RecordedEvent } from '@liaison/eventstore';
import { leafHash, type Digest } from './merkle-hash.js';

/** The stored fields of an event that its leaf covers (everything but the global position, which is the leaf index). */
export type LeafFields = Pick<
  RecordedEvent,
  | 'id'
  | 'type'
  | 'schemaVersion'
  | 'streamId'
  | 'streamPosition'
  | 'occurredAt'
  | 'recordedAt'
  | 'data'
  | 'metadata'
  | 'previousHash'
  | 'hash'
>;

/**
 * The leaf of an event: RFC 8785 canonical JSON (UTF-8) of its stored fields including `hash`. The data is the
 * stored form, so personal data enters as ciphertext and forgetting a voter leaves every leaf unchanged.
 */
export function eventLeaf(event: LeafFields): Buffer {
  return Buffer.from(
    canonicalJson({
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      streamId: event.streamId,
      streamPosition: event.streamPosition,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      data: event.data,
      metadata: event.metadata,
      previousHash: event.previousHash,
      hash: event.hash,
    }),
    'utf8',
  );
}

/** The Merkle leaf hash of an event. */
export function eventLeafHash(event: LeafFields): Digest {
  return leafHash(eventLeaf(event));
}
