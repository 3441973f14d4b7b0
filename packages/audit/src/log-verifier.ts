// The verifier: fed the log in order, it recomputes every stream's hash chain, the Merkle tree and the checkpoints.
import type { KeyObject } from 'node:crypto';
import { GENESIS_HASH, type RecordedEvent } from '@liaison/eventstore';
import { verifyCheckpointSignature, type SignedCheckpoint } from './checkpoint.js';
import { recomputeEventHashes } from './event-leaf.js';
import { toHex } from './merkle-hash.js';
import { keyIdOf } from './signing-key.js';
import { TreeFrontier } from './tree-frontier.js';
import type {
  ProblemKind,
  VerificationProblem,
  VerificationReport,
  VerifiedCheckpoint,
} from './verification-report.js';

/** A checkpoint and where the log holds it. */
export interface LocatedCheckpoint {
  globalPosition: number;
  checkpoint: SignedCheckpoint;
}

export interface LogVerifierOptions {
  /** The keys whose checkpoints are trusted (several while keys rotate). */
  publicKeys: readonly KeyObject[];
  /** Every checkpoint in the log, in log order (read them first: each seals events before itself). */
  checkpoints: readonly LocatedCheckpoint[];
  /** Most problems listed; the first is always kept. Default 100. */
  maxProblems?: number;
}

interface StreamTip {
  position: number;
  hash: string;
}

/** Verifies a log fed to it event by event in global order; pure apart from hashing. */
export class LogVerifier {
  private readonly frontier = TreeFrontier.empty();
  private readonly streams = new Map<string, StreamTip>();
  private readonly bySize = new Map<number, LocatedCheckpoint[]>();
  private readonly maxProblems: number;
  private readonly problems: VerificationProblem[] = [];
  private problemCount = 0;
  private lastPosition = 0;
  private checkpointsVerified = 0;
  private lastCheckpoint: VerifiedCheckpoint | null = null;
  /** The tree size up to which the log is known to match a signed checkpoint. */
  private verifiedSize = 0;

  constructor(options: LogVerifierOptions) {
    this.maxProblems = Math.max(1, options.maxProblems ?? 100);
    const keys = new Map(options.publicKeys.map((key) => [keyIdOf(key), key]));
    let previous: LocatedCheckpoint | null = null;
    for (const located of options.checkpoints) {
      if (this.checkCheckpoint(located, previous, keys)) {
        const list = this.bySize.get(located.checkpoint.treeSize) ?? [];
        list.push(located);
        this.bySize.set(located.checkpoint.treeSize, list);
        previous = located;
      }
    }
  }

  /** Checks the next event of the log. */
  feed(event: RecordedEvent): void {
    this.checkPosition(event);
    const { hash, leafHash } = recomputeEventHashes(event);
    this.checkChain(event, hash);
    this.frontier.append(leafHash);
    const sealed = this.bySize.get(this.frontier.size);
    if (sealed) for (const located of sealed) this.checkRoot(located);
  }

  /** Ends the verification and reports. */
  finish(): VerificationReport {
    for (const [size, list] of this.bySize) {
      if (size <= this.frontier.size) continue;
      for (const { globalPosition } of list) {
        this.report(
          'MISSING_EVENT',
          `the checkpoint at global position ${globalPosition} seals ${size} events, but the log ends after ${this.frontier.size}`,
          null,
          null,
          this.frontier.size + 1,
        );
      }
    }
    return {
      ok: this.problemCount === 0,
      eventsVerified: this.frontier.size,
      streamsVerified: this.streams.size,
      checkpointsVerified: this.checkpointsVerified,
      lastCheckpoint: this.lastCheckpoint,
      unsealedEvents: this.frontier.size - (this.lastCheckpoint?.treeSize ?? 0),
      rootHash: toHex(this.frontier.root()),
      firstProblem: this.problems[0] ?? null,
      problems: [...this.problems],
      truncated: this.problemCount > this.problems.length,
    };
  }

  private checkPosition(event: RecordedEvent): void {
    const expected = this.lastPosition + 1;
    if (event.globalPosition > expected) {
      const missing = event.globalPosition - expected;
      this.report(
        'MISSING_EVENT',
        `expected global position ${expected} next, found ${event.globalPosition}: ${missing} event(s) missing`,
        null,
        null,
        expected,
      );
    } else if (event.globalPosition < expected) {
      this.report(
        'POSITION_OUT_OF_ORDER',
        `expected global position ${expected} next, found ${event.globalPosition} again or out of order`,
        event.streamId,
        event.streamPosition,
        event.globalPosition,
      );
    }
    this.lastPosition = Math.max(this.lastPosition, event.globalPosition);
  }

  private checkChain(event: RecordedEvent, recomputed: string): void {
    const tip = this.streams.get(event.streamId) ?? { position: 0, hash: GENESIS_HASH };
    const where = [event.streamId, event.streamPosition, event.globalPosition] as const;
    if (event.streamPosition !== tip.position + 1) {
      this.report(
        'STREAM_GAP',
        `${event.streamId}: expected stream position ${tip.position + 1} next, found ${event.streamPosition}`,
        ...where,
      );
    } else if (event.previousHash !== tip.hash) {
      this.report(
        'CHAIN_BROKEN',
        `${event.streamId}@${event.streamPosition}: previousHash ${event.previousHash} is not the hash of position ${tip.position} (${tip.hash})`,
        ...where,
      );
    }
    if (recomputed !== event.hash) {
      this.report(
        'HASH_MISMATCH',
        `${event.streamId}@${event.streamPosition}: stored hash ${event.hash}, but the stored fields hash to ${recomputed}`,
        ...where,
      );
    }
    // Continue from the stored hash, so one edited event is reported once, not again at its successor.
    this.streams.set(event.streamId, { position: event.streamPosition, hash: event.hash });
  }

  private checkRoot(located: LocatedCheckpoint): void {
    const { checkpoint, globalPosition } = located;
    const root = toHex(this.frontier.root());
    if (root === checkpoint.rootHash) {
      this.checkpointsVerified += 1;
      this.verifiedSize = checkpoint.treeSize;
      this.lastCheckpoint = {
        treeSize: checkpoint.treeSize,
        rootHash: checkpoint.rootHash,
        time: checkpoint.time,
        globalPosition,
      };
      return;
    }
    // The checkpoint's frontier names the subtrees it signed; the first that differs bounds where the change is.
    const ours = this.frontier.toJSON();
    const ranges = this.frontier.ranges();
    const index = ours.findIndex((hash, i) => checkpoint.frontier[i] !== hash);
    const [start, end] = ranges[index] ?? [0, checkpoint.treeSize];
    const from = Math.max(start, this.verifiedSize) + 1;
    this.report(
      'ROOT_MISMATCH',
      `the first ${checkpoint.treeSize} events hash to root ${root}, but the checkpoint at global position ${globalPosition} signed ${checkpoint.rootHash}; the difference lies in global positions ${from}–${end}`,
      null,
      null,
      from,
      end,
    );
  }

  /** Checks a checkpoint on its own and against the one before it; false when it cannot be used. */
  private checkCheckpoint(
    located: LocatedCheckpoint,
    previous: LocatedCheckpoint | null,
    keys: Map<string, KeyObject>,
  ): boolean {
    const { checkpoint, globalPosition } = located;
    const bad = (message: string, kind: ProblemKind = 'BAD_CHECKPOINT') => {
      this.report(
        kind,
        `checkpoint at global position ${globalPosition}: ${message}`,
        null,
        null,
        globalPosition,
      );
      return false;
    };
    const key = keys.get(checkpoint.keyId);
    if (!key) return bad(`signed by key ${checkpoint.keyId}, which is not a trusted key`, 'BAD_SIGNATURE');
    if (!verifyCheckpointSignature(checkpoint, key))
      return bad('the signature does not verify', 'BAD_SIGNATURE');
    if (checkpoint.treeSize >= globalPosition) {
      return bad(`seals ${checkpoint.treeSize} events, expected fewer than its own position`);
    }
    let frontierRoot: string;
    try {
      frontierRoot = toHex(TreeFrontier.restore(checkpoint.treeSize, checkpoint.frontier).root());
    } catch (error) {
      return bad((error as Error).message);
    }
    if (frontierRoot !== checkpoint.rootHash) return bad('its frontier does not hash to its root');
    if (previous) {
      if (checkpoint.treeSize < previous.checkpoint.treeSize) {
        return bad(
          `seals ${checkpoint.treeSize} events, fewer than the checkpoint before it (${previous.checkpoint.treeSize})`,
        );
      }
      if (checkpoint.time < previous.checkpoint.time) {
        return bad(
          `its time ${checkpoint.time} is before the previous checkpoint's (${previous.checkpoint.time})`,
        );
      }
    }
    return true;
  }

  private report(
    kind: ProblemKind,
    message: string,
    streamId: string | null,
    streamPosition: number | null,
    globalPosition: number | null,
    throughGlobalPosition?: number,
  ): void {
    this.problemCount += 1;
    if (this.problems.length >= this.maxProblems) return;
    const problem: VerificationProblem = { kind, message, streamId, streamPosition, globalPosition };
    if (throughGlobalPosition !== undefined) problem.throughGlobalPosition = throughGlobalPosition;
    this.problems.push(problem);
  }
}
