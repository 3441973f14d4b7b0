// The audit service's manifest: the sealer, the verifier over a store, and the auditor's GraphQL module.
export {
  loadAuditConfig,
  AuditConfigError,
  DEVELOPMENT_SIGNING_KEY,
  type AuditConfig,
} from './audit-config.js';
export { Sealer, type SealerOptions } from './sealing/sealer.js';
export {
  CHECKPOINT_STREAM,
  AUDIT_EVENT_TYPES,
  type AuditEvent,
  type CheckpointSealedData,
} from './sealing/events.js';
export { verifyEventStore, readCheckpoints, type VerifyStoreOptions } from './verifying/verify-store.js';
export { createAuditGatewayModule } from './audit-module.js';
export type { AuditDeps } from './audit-deps.js';
export type { DeciderRegistry } from './history/aggregate-as-of.js';
export type { AncestryLookup } from './history/jurisdiction-scope.js';
export { MerkleCache } from './verifying/merkle-cache.js';
export { verifyExport, ExportFormatError, type ExportVerification } from './verifying/verify-export.js';
export { exportRecords, type ExportRecord } from './export/export-records.js';
export type { HistorySelection } from './export/history-selection.js';
