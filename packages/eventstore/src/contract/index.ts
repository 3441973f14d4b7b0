// The event store contract suites, for adapters' tests: import from '@liaison/eventstore/contract'.
export { describeEventStoreContract } from './describe-event-store-contract.js';
export type { EventStoreFactory } from './fixtures.js';
