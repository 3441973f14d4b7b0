// What the Merkle tree commits to for each event: the stored event's canonical bytes, its own chain hash included.
import { createHash } from 'node:crypto';
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

/**
 * The event's chain hash recomputed from its stored fields, and its leaf, from one canonical serialisation:
 * canonical JSON orders members by name, so `data` comes first and `hash` right after it, and the leaf is the
 * hashed text with `"hash":…` spliced in there. Equal to eventHash(event) and eventLeaf(event) (tested).
 */
export function recomputeEvent(event: LeafFields): { hash: string; leaf: Buffer } {
  const text = JSON.stringify;
  // The envelope's members in canonical order (UTF-16 code units), written out so only data and metadata are walked.
  const head = `{"data":${canonicalJson(event.data)}`;
  const rest =
    `"id":${text(event.id)},"metadata":${canonicalMetadata(event.metadata)},"occurredAt":${text(event.occurredAt)}` +
    `,"previousHash":${text(event.previousHash)},"recordedAt":${text(event.recordedAt)}` +
    `,"schemaVersion":${canonicalJson(event.schemaVersion)},"streamId":${text(event.streamId)}` +
    `,"streamPosition":${canonicalJson(event.streamPosition)},"type":${text(event.type)}}`;
  const hash = createHash('sha256').update(`${head},${rest}`, 'utf8').digest('hex');
  return { hash, leaf: Buffer.from(`${head},"hash":${text(event.hash)},${rest}`, 'utf8') };
}

const METADATA_KEYS = ['actorId', 'causationId', 'commandId', 'correlationId', 'jurisdictionId', 'role'];

/** Canonical JSON of metadata; the usual six string-or-null members are written directly. */
function canonicalMetadata(metadata: LeafFields['metadata']): string {
  const record = metadata as unknown as Record<string, unknown>;
  const keys = Object.keys(record);
  const usual =
    keys.length === METADATA_KEYS.length &&
    METADATA_KEYS.every((key) => typeof record[key] === 'string' || record[key] === null);
  if (!usual) return canonicalJson(metadata);
  return `{${METADATA_KEYS.map((key) => `"${key}":${JSON.stringify(record[key])}`).join(',')}}`;
}
