// The read store contract suite, for adapters' integration tests (`@liaison/readstore/contract`).
export { describeReadStoreContract } from './describe-read-store-contract.js';
export type { ReadStoreFactory } from './fixtures.js';
