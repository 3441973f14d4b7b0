// What a verification finds: the broken links, in the order they were found, and what was checked.

/** The kinds of broken link the verifier reports; stable codes for tools and GraphQL. */
export type ProblemKind =
  /** A global position is missing: an event was deleted, or the log was cut. */
  | 'MISSING_EVENT'
  /** A global position repeats or goes backwards: events were reordered or duplicated. */
  | 'POSITION_OUT_OF_ORDER'
  /** A stream skips or repeats a position. */
  | 'STREAM_GAP'
  /** An event's previousHash is not the hash of its stream's previous event. */
  | 'CHAIN_BROKEN'
  /** An event's hash is not the hash of its stored fields: it was edited. */
  | 'HASH_MISMATCH'
  /** The Merkle root of the log differs from a signed checkpoint's: the log up to it was altered. */
  | 'ROOT_MISMATCH'
  /** A checkpoint's signature does not verify, or it names a key the verifier does not trust. */
  | 'BAD_SIGNATURE'
  /** An event's inclusion proof does not lead to the signed root of its checkpoint. */
  | 'PROOF_INVALID'
  /** A checkpoint is malformed or inconsistent with itself or with the checkpoints before it. */
  | 'BAD_CHECKPOINT';

/** One broken link, with where it is. */
export interface VerificationProblem {
  kind: ProblemKind;
  message: string;
  /** The stream the broken link is in, when known (a deleted event's stream is not). */
  streamId: string | null;
  streamPosition: number | null;
  /** The first global position affected. */
  globalPosition: number | null;
  /** For ROOT_MISMATCH: the last global position of the range the difference is known to lie in. */
  throughGlobalPosition?: number | null;
}

/** The checkpoint a verification ended on. */
export interface VerifiedCheckpoint {
  treeSize: number;
  rootHash: string;
  time: string;
  globalPosition: number;
}

export interface VerificationReport {
  /** True when no problem was found. */
  ok: boolean;
  eventsVerified: number;
  streamsVerified: number;
  checkpointsVerified: number;
  /** The latest checkpoint whose root matched, or null. */
  lastCheckpoint: VerifiedCheckpoint | null;
  /** Events after the latest checkpoint: covered by their hash chains but not yet by a signature. */
  unsealedEvents: number;
  /** The Merkle root over every event verified, hex. */
  rootHash: string;
  /** The first broken link, or null. */
  firstProblem: VerificationProblem | null;
  /** Every broken link found, up to the verifier's limit, in the order found. */
  problems: VerificationProblem[];
  /** True when more problems were found than listed. */
  truncated: boolean;
}
