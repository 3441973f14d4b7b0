// The event envelope: what a writer hands to the store and what every reader gets back.

/** Who did it, for whom, and why: carried by every event and copied from the command that caused it. */
export interface EventMetadata {
  /** The user or system account that issued the command. */
  actorId: string;
  /** The role the actor acted in (station-staff, deputy, voter, system, …). */
  role: string;
  /** The jurisdiction the actor acted within; null for public or system actions. */
  jurisdictionId: string | null;
  /** The command that produced this event; re-sending it produces nothing new. */
  commandId: string;
  /** The first command or request of the chain this event belongs to. */
  correlationId: string;
  /** The event or command that directly caused this one; null for a command from outside. */
  causationId: string | null;
}

/** An event on its way into the store. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  /** A UUID; the idempotency key: appending an id already stored appends nothing. */
  id: string;
  type: Type;
  /** Version of the data's shape for this type; readers upcast older versions. Defaults to 1. */
  schemaVersion?: number;
  data: Data;
  metadata: EventMetadata;
  /** Business time, ISO-8601 with offset (usually from the command). */
  occurredAt: string;
}

/** An event as stored: the envelope with its positions, record time and hash-chain link. */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  id: string;
  type: Type;
  schemaVersion: number;
  streamId: string;
  /** The stream's category: the part of the stream id before the first '-'. */
  category: string;
  /** 1 for a stream's first event, counting up without gaps. */
  streamPosition: number;
  /** Position in the global log: increasing in commit order, starting at 1. */
  globalPosition: number;
  data: Data;
  metadata: EventMetadata;
  /** Business time, ISO-8601 UTC. */
  occurredAt: string;
  /** When the store accepted the event, ISO-8601 UTC. */
  recordedAt: string;
  /** The hash of the stream's previous event; GENESIS_HASH for the first. */
  previousHash: string;
  /** SHA-256 (hex) over the canonical encoding of this event as stored, including previousHash. */
  hash: string;
}

/** Splits a stream id `<category>-<id>` into its category. */
export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(0, dash);
}
