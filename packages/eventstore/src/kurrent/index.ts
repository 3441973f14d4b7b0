// The KurrentDB adapter, a separate entry point so that SQL-only processes never load the gRPC client.
export { KurrentEventStore, type KurrentEventStoreOptions } from './kurrent-event-store.js';
export { EVENTS_PER_APPEND } from './positions.js';
