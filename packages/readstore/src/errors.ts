// Typed failures of the read store port.

export type ReadStoreErrorCode = 'INVALID_QUERY' | 'COLLECTION_NOT_FOUND' | 'LEASE_LOST';

export class ReadStoreError extends Error {
  constructor(
    readonly code: ReadStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReadStoreError';
  }
}

/** COLLECTION_NOT_FOUND naming the physical collections a write or read needed. */
export function collectionsNotFound(names: readonly string[]): ReadStoreError {
  return new ReadStoreError(
    'COLLECTION_NOT_FOUND',
    `expected collections made by createCollection, received ${names.map((name) => `"${name}"`).join(', ')}, which do not exist`,
  );
}

/** LEASE_LOST: a fenced commit whose lease another holder took, or that ran out. */
export function leaseLost(fence: { lease: string; holder: string; token: number }): ReadStoreError {
  return new ReadStoreError(
    'LEASE_LOST',
    `expected ${fence.holder} to hold lease ${fence.lease} with token ${fence.token}, received a lease taken over or expired; nothing was written`,
  );
}
