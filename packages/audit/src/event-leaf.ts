// What the Merkle tree commits to for each event: the stored event's canonical bytes, its own chain hash included.
import { hash } from 'node:crypto';
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
  const { head, rest } = canonicalParts(event);
  return {
    hash: hash('sha256', `${head},${rest}`),
    leaf: Buffer.from(leafText(head, event.hash, rest), 'utf8'),
  };
}

/**
 * The event's chain hash and Merkle leaf hash recomputed, as recomputeEvent and leafHash give them, without
 * building the leaf's bytes: the verifier's per-event work, so the strings go straight to one-shot hashing.
 */
export function recomputeEventHashes(event: LeafFields): { hash: string; leafHash: Digest } {
  const { head, rest } = canonicalParts(event);
  return { hash: hash('sha256', `${head},${rest}`), leafHash: leafHash(leafText(head, event.hash, rest)) };
}

/** Canonical JSON of the stored fields around where `"hash":…` goes (after `data`, the first member). */
function canonicalParts(event: LeafFields): { head: string; rest: string } {
  const text = JSON.stringify;
  // The envelope's members in canonical order (UTF-16 code units), written out so only data and metadata are walked.
  const head = `{"data":${canonicalJson(event.data)}`;
  const rest =
    `"id":${text(event.id)},"metadata":${canonicalMetadata(event.metadata)},"occurredAt":${text(event.occurredAt)}` +
    `,"previousHash":${text(event.previousHash)},"recordedAt":${text(event.recordedAt)}` +
    `,"schemaVersion":${canonicalJson(event.schemaVersion)},"streamId":${text(event.streamId)}` +
    `,"streamPosition":${canonicalJson(event.streamPosition)},"type":${text(event.type)}}`;
  return { head, rest };
}

function leafText(head: string, eventHash: string, rest: string): string {
  return `${head},"hash":${JSON.stringify(eventHash)},${rest}`;
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
