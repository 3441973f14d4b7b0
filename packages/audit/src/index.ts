// Tamper evidence for the event log: an RFC 6962 Merkle tree, signed checkpoints, proofs and the verifier.
export { leafHash, nodeHash, EMPTY_ROOT, toHex, fromHex, type Digest } from './merkle-hash.js';
export { treeRoot, inclusionProof, consistencyProof, MerkleLevels } from './merkle-tree.js';
export { rootFromInclusionProof, verifyInclusion, verifyConsistency } from './merkle-proof-verify.js';
export { TreeFrontier } from './tree-frontier.js';
export { eventLeaf, eventLeafHash, recomputeEvent, type LeafFields } from './event-leaf.js';
export {
  CHECKPOINT_FORMAT,
  checkpointText,
  signCheckpoint,
  verifyCheckpointSignature,
  type CheckpointBody,
  type SignedCheckpoint,
} from './checkpoint.js';
export {
  parseSigningKey,
  parsePublicKey,
  generateSigningKey,
  keyIdOf,
  SigningKeyError,
  type CheckpointSigner,
} from './signing-key.js';
export { LogVerifier, type LocatedCheckpoint, type LogVerifierOptions } from './log-verifier.js';
export type {
  ProblemKind,
  VerificationProblem,
  VerificationReport,
  VerifiedCheckpoint,
} from './verification-report.js';
export {
  SelectionVerifier,
  type InclusionProof,
  type SelectionVerifierOptions,
} from './selection-verifier.js';
