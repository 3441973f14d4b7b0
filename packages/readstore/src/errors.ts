// Typed failures of the read store port.

export type ReadStoreErrorCode = 'INVALID_QUERY' | 'COLLECTION_NOT_FOUND';

export class ReadStoreError extends Error {
  constructor(
    readonly code: ReadStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReadStoreError';
  }
}
