// The hash chain over each stream: canonical JSON (RFC 8785) and SHA-256, recomputable by an auditor from exported events.
import { createHash } from 'node:crypto';
import type { RecordedEvent } from './envelope.js';
import type { NormalisedEvent } from './normalise-events.js';

/** The previousHash of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The envelope fields the hash covers: everything stored about an event except its global position and own hash. */
export type HashedFields = Pick<
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
>;

/**
 * Serialises a JSON value as RFC 8785 (JCS) prescribes: object members sorted by the UTF-16 code units of
 * their names, no whitespace, numbers and strings in their ECMAScript JSON.stringify form.
 * Object members whose value is undefined are omitted, as JSON.stringify omits them.
 */
export function canonicalJson(value: unknown): string {
  const text = serialise(value);
  if (text === undefined) throw new TypeError(`expected a JSON value, received ${typeof value}`);
  return text;
}

function serialise(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`expected a finite number, received ${value}`);
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'undefined':
      return undefined;
    case 'object':
      return serialiseObject(value);
    case 'bigint':
    case 'function':
    case 'symbol':
      throw new TypeError(`expected a JSON value, received a ${typeof value}`);
  }
}

/** Member names as JSON strings with their colon, remembered: events repeat the same few names endlessly. */
const quotedKeys = new Map<string, string>();
const QUOTED_KEYS_KEPT = 10_000;

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    if (quotedKeys.size < QUOTED_KEYS_KEPT) quotedKeys.set(key, quoted);
  }
  return quoted;
}

function serialiseObject(value: object): string | undefined {
  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function')
    return serialise((withToJson.toJSON as () => unknown).call(value));
  // Written with string concatenation and no intermediate arrays: this runs for every event an auditor verifies.
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i === 0 ? '' : ',') + (serialise(value[i]) ?? 'null');
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  // Array.prototype.sort without a comparator orders strings by UTF-16 code units, exactly as JCS requires;
  // the < comparison is the same order, so keys already in order (the usual case) are not sorted again.
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1]! > keys[i]!) {
      keys.sort();
      break;
    }
  }
  let text = '{';
  for (const key of keys) {
    const member = serialise(record[key]);
    if (member !== undefined) text += (text.length === 1 ? '' : ',') + quotedKey(key) + member;
  }
  return `${text}}`;
}

/** SHA-256 (lower-case hex) over the canonical JSON of an event's hashed fields. */
export function eventHash(event: HashedFields): string {
  const hashed: HashedFields = {
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
  };
  return createHash('sha256').update(canonicalJson(hashed), 'utf8').digest('hex');
}

/** Where a stream ends: its version (0 when empty) and the hash of its last event (GENESIS_HASH when empty). */
export interface StreamHead {
  version: number;
  hash: string;
}

/** An event ready to store: its hashed fields and its own hash. */
export type LinkedEvent = HashedFields & { hash: string };

/** Links normalised events onto a stream's head: stream positions, previous hashes and hashes. */
export function linkEvents(
  streamId: string,
  events: readonly NormalisedEvent[],
  head: StreamHead,
  recordedAt: string,
): LinkedEvent[] {
  let previousHash = head.hash;
  return events.map((event, index) => {
    const fields: HashedFields = {
      ...event,
      streamId,
      streamPosition: head.version + index + 1,
      recordedAt,
      previousHash,
    };
    const hash = eventHash(fields);
    previousHash = hash;
    return { ...fields, hash };
  });
}
