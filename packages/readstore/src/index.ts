export type {
  ReadStore,
  ReadDocument,
  FieldKind,
  FieldSpec,
  IndexSpec,
  CollectionSpec,
  Scalar,
  Condition,
  Filter,
  SortDirection,
  FindQuery,
  Page,
  StoredDocument,
  DocumentWrite,
  CheckpointWrite,
  Lease,
  Fence,
} from './read-store.js';
export { ReadStoreError, type ReadStoreErrorCode } from './errors.js';
export { SqlReadStore } from './sql/sql-read-store.js';
export { MongoReadStore } from './mongo/mongo-read-store.js';
