// The event store package: the port, the envelope, the hash chain, and the SQL adapter.
export type { EventMetadata, NewEvent, RecordedEvent } from './envelope.js';
export { categoryOf } from './envelope.js';
export type {
  EventStore,
  ExpectedVersion,
  AppendOptions,
  AppendResult,
  ReadStreamOptions,
  ReadAllOptions,
  EventFilter,
  SubscribeOptions,
  SubscriptionBatch,
} from './event-store.js';
export {
  EventStoreError,
  WrongExpectedVersionError,
  StreamNotFoundError,
  InvalidEventError,
  type EventStoreErrorCode,
} from './errors.js';
export { UpcasterChain, type Upcaster } from './upcasting.js';
export { GENESIS_HASH, canonicalJson, eventHash, type HashedFields } from './hash-chain.js';
export { SqlEventStore, type SqlEventStoreOptions } from './sql/sql-event-store.js';
