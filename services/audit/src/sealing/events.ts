// Events of the audit trail: the signed checkpoints the sealer appends to the log it seals.
import type { SignedCheckpoint } from '@liaison/audit';

/** The one stream holding every checkpoint, in order. */
export const CHECKPOINT_STREAM = 'audit-checkpoints';

/**
 * The Merkle tree over the first `treeSize` events of the global log was sealed: its root hash and the time,
 * signed with the platform's ed25519 checkpoint key, and the tree's right edge for resuming.
 */
export type CheckpointSealedData = SignedCheckpoint;

export type AuditEvent = { type: 'CheckpointSealed'; data: CheckpointSealedData };

export const AUDIT_EVENT_TYPES = ['CheckpointSealed'] as const;
