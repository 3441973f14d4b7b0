// The read store contract: one suite every ReadStore adapter must pass unchanged.
import { describeAliases } from './aliases.contract.js';
import { describeDocuments } from './documents.contract.js';
import { describeFilters } from './filters.contract.js';
import type { ReadStoreFactory } from './fixtures.js';
import { describeIndexes } from './indexes.contract.js';
import { describeInvalidQueries } from './invalid-queries.contract.js';
import { describeLeases } from './leases.contract.js';
import { describeSorting } from './sorting.contract.js';
import { describeTextSearch } from './text-search.contract.js';

/**
 * Declares the contract's Jest suites for one adapter. `factory` opens a fresh, empty store (its own database
 * or schema); suites that only read a seeded fixture share one store per block, the others open one per test.
 */
export function describeReadStoreContract(adapterName: string, factory: ReadStoreFactory): void {
  describe(`ReadStore contract on ${adapterName}`, () => {
    describeDocuments(factory);
    describeFilters(factory);
    describeSorting(factory);
    describeTextSearch(factory);
    describeAliases(factory);
    describeInvalidQueries(factory);
    describeIndexes(factory);
    describeLeases(factory);
  });
}
