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
