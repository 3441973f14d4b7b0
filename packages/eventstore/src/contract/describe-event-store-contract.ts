// The event store contract: every adapter of the EventStore port runs these suites unchanged.
import { describeAppendContract } from './append.contract.js';
import { describeConcurrencyContract } from './concurrency.contract.js';
import type { EventStoreFactory } from './fixtures.js';
import { describeHashChainContract } from './hash-chain.contract.js';
import { describeIdempotencyContract } from './idempotency.contract.js';
import { describeInvalidEventContract } from './invalid-event.contract.js';
import { describeReadContract } from './read.contract.js';
import { describeSubscriptionContract } from './subscription.contract.js';
import { describeUpcastingContract } from './upcasting.contract.js';

/** Declares the contract's Jest suites for one adapter; `factory` must give a fresh, empty store per call. */
export function describeEventStoreContract(adapterName: string, factory: EventStoreFactory): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    describeAppendContract(factory);
    describeIdempotencyContract(factory);
    describeInvalidEventContract(factory);
    describeReadContract(factory);
    describeHashChainContract(factory);
    describeUpcastingContract(factory);
    describeSubscriptionContract(factory);
    describeConcurrencyContract(factory);
  });
}
