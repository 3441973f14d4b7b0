// The verifier for a selection of history (not the whole log): each event's own hash, its stream chain where
// the selection holds consecutive positions, and its inclusion proof against a signed checkpoint.
import type { KeyObject } from 'node:crypto';
import { eventHash, type RecordedEvent } from '@liaison/eventstore';
import { verifyCheckpointSignature, type SignedCheckpoint } from './checkpoint.js';
import { eventLeafHash } from './event-leaf.js';
import { fromHex } from './merkle-hash.js';
import { verifyInclusion } from './merkle-proof-verify.js';
import { keyIdOf } from './signing-key.js';
import type { ProblemKind, VerificationProblem, VerificationReport } from './verification-report.js';
import type { LocatedCheckpoint } from './log-verifier.js';

/** An RFC 6962 audit path for the event at global position `leafIndex + 1` in the tree of `treeSize`. */
export interface InclusionProof {
  treeSize: number;
  leafIndex: number;
  /** Hex digests, from the leaf up. */
  auditPath: string[];
}

export interface SelectionVerifierOptions {
  publicKeys: readonly KeyObject[];
  checkpoints: readonly LocatedCheckpoint[];
  maxProblems?: number;
}

/** Verifies selected events, each with an inclusion proof (or none, when it is after the last checkpoint). */
export class SelectionVerifier {
  private readonly roots = new Map<number, SignedCheckpoint & { globalPosition: number }>();
  private readonly streams = new Map<string, { position: number; hash: string }>();
  private readonly problems: VerificationProblem[] = [];
  private readonly maxProblems: number;
  private problemCount = 0;
  private verified = 0;
  private unsealed = 0;

  constructor(options: SelectionVerifierOptions) {
    this.maxProblems = Math.max(1, options.maxProblems ?? 100);
    const keys = new Map(options.publicKeys.map((key) => [keyIdOf(key), key]));
    for (const { checkpoint, globalPosition } of options.checkpoints) {
      const key = keys.get(checkpoint.keyId);
      if (!key || !verifyCheckpointSignature(checkpoint, key)) {
        this.report(
          'BAD_SIGNATURE',
          `checkpoint at global position ${globalPosition}: ${key ? 'the signature does not verify' : `signed by key ${checkpoint.keyId}, which is not a trusted key`}`,
          null,
          null,
          globalPosition,
        );
        continue;
      }
      this.roots.set(checkpoint.treeSize, { ...checkpoint, globalPosition });
    }
  }

  /** Checks one selected event and its proof (null: the event is not sealed yet). */
  feed(event: RecordedEvent, proof: InclusionProof | null): void {
    this.verified += 1;
    const where = [event.streamId, event.streamPosition, event.globalPosition] as const;
    const tip = this.streams.get(event.streamId);
    if (event.streamPosition === 1 && event.previousHash !== '0'.repeat(64)) {
      this.report('CHAIN_BROKEN', `${event.streamId}@1: previousHash is not the genesis hash`, ...where);
    } else if (tip && event.streamPosition === tip.position + 1 && event.previousHash !== tip.hash) {
      this.report(
        'CHAIN_BROKEN',
        `${event.streamId}@${event.streamPosition}: previousHash ${event.previousHash} is not the hash of position ${tip.position} (${tip.hash})`,
        ...where,
      );
    } else if (tip && event.streamPosition <= tip.position) {
      this.report(
        'STREAM_GAP',
        `${event.streamId}: position ${event.streamPosition} follows ${tip.position}`,
        ...where,
      );
    }
    this.streams.set(event.streamId, { position: event.streamPosition, hash: event.hash });
    const recomputed = eventHash(event);
    if (recomputed !== event.hash) {
      this.report(
        'HASH_MISMATCH',
        `${event.streamId}@${event.streamPosition}: stored hash ${event.hash}, but the stored fields hash to ${recomputed}`,
        ...where,
      );
    }
    if (proof === null) {
      this.unsealed += 1;
      return;
    }
    const checkpoint = this.roots.get(proof.treeSize);
    const included =
      checkpoint !== undefined &&
      proof.leafIndex === event.globalPosition - 1 &&
      verifyInclusion(
        proof.leafIndex,
        proof.treeSize,
        eventLeafHash(event),
        safeDigests(proof.auditPath),
        fromHex(checkpoint.rootHash),
      );
    if (!included) {
      this.report(
        'PROOF_INVALID',
        checkpoint
          ? `${event.streamId}@${event.streamPosition}: the inclusion proof does not lead to the root signed for ${proof.treeSize} events`
          : `${event.streamId}@${event.streamPosition}: no verified checkpoint of ${proof.treeSize} events to prove against`,
        ...where,
      );
    }
  }

  finish(): VerificationReport {
    const last = [...this.roots.values()].sort((a, b) => b.treeSize - a.treeSize)[0] ?? null;
    return {
      ok: this.problemCount === 0,
      eventsVerified: this.verified,
      streamsVerified: this.streams.size,
      checkpointsVerified: this.roots.size,
      lastCheckpoint: last && {
        treeSize: last.treeSize,
        rootHash: last.rootHash,
        time: last.time,
        globalPosition: last.globalPosition,
      },
      unsealedEvents: this.unsealed,
      rootHash: last?.rootHash ?? '',
      firstProblem: this.problems[0] ?? null,
      problems: [...this.problems],
      truncated: this.problemCount > this.problems.length,
    };
  }

  private report(
    kind: ProblemKind,
    message: string,
    streamId: string | null,
    streamPosition: number | null,
    globalPosition: number | null,
  ): void {
    this.problemCount += 1;
    if (this.problems.length < this.maxProblems) {
      this.problems.push({ kind, message, streamId, streamPosition, globalPosition });
    }
  }
}

function safeDigests(hexes: readonly string[]): Buffer[] {
  try {
    return hexes.map(fromHex);
  } catch {
    return [Buffer.alloc(0)];
  }
}
