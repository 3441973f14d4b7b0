// The event store port: every adapter (PGlite, PostgreSQL, EventStoreDB) implements exactly this.
import type { NewEvent, RecordedEvent } from './envelope.js';

/**
 * What the writer believes about the stream: 'any' (no check), 'no_stream' (must not exist yet),
 * or the exact version, i.e. the stream position of its last event (0 means no stream).
 */
export type ExpectedVersion = 'any' | 'no_stream' | number;

export interface AppendOptions {
  expectedVersion?: ExpectedVersion;
}

export interface AppendResult {
  /** The stream's version after the append (the position of its last event). */
  streamVersion: number;
  /** Where each event of the request is stored, in request order. */
  positions: Array<{ id: string; streamPosition: number; globalPosition: number }>;
  /** The global position of the last event of the request. */
  lastGlobalPosition: number;
  /** True when every event was already stored (a re-sent append); nothing new was written. */
  duplicate: boolean;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** First stream position to return (inclusive); defaults to the start (forwards) or the end (backwards). */
  fromPosition?: number;
  maxCount?: number;
}

/** Selects events by category or type; an event matches when it matches every given list. */
export interface EventFilter {
  categories?: readonly string[];
  eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  /** Return events with a global position greater than this; defaults to 0 (the start). */
  after?: number;
  maxCount?: number;
  filter?: EventFilter;
}

export interface SubscribeOptions extends Omit<ReadAllOptions, 'maxCount'> {
  /** Most events per delivered batch. */
  batchSize?: number;
  /** Stops the subscription; the iterator then ends. */
  signal?: AbortSignal;
}

/** A batch delivered to a subscriber; `position` is how far the log has been examined (≥ last event's). */
export interface SubscriptionBatch {
  events: RecordedEvent[];
  position: number;
}

export interface EventStore {
  /** Appends events to one stream atomically, checking the expected version; idempotent by event id. */
  append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /** Reads one stream's events (upcast to current versions); throws StreamNotFoundError when it has none. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Reads the global log in order from a position. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Catch-up subscription: yields the log after `after` in global order, then continues live until the
   * signal aborts. Never skips an event that commits late; each event is yielded once.
   */
  subscribe(options?: SubscribeOptions): AsyncIterable<SubscriptionBatch>;
  /** The global position of the last committed event (0 when empty). */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}
