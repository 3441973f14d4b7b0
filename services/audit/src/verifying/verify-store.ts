// Runs the verifier over an event store: the checkpoints first, then the whole log in pages.
import { LogVerifier, type LocatedCheckpoint, type VerificationReport } from '@liaison/audit';
import type { EventStore } from '@liaison/eventstore';
import type { KeyObject } from 'node:crypto';
import { CHECKPOINT_STREAM, type CheckpointSealedData } from '../sealing/events.js';

export interface VerifyStoreOptions {
  publicKeys: readonly KeyObject[];
  /** Events per read. Default 5000. */
  batchSize?: number;
  maxProblems?: number;
  /** Called after each page with the events verified so far and the log's head. */
  onProgress?: (verified: number, head: number) => void;
}

/**
 * Verifies every event of a store (read in stored form: open the store without upcasters) against its hash
 * chains and signed checkpoints.
 */
export async function verifyEventStore(
  store: EventStore,
  options: VerifyStoreOptions,
): Promise<VerificationReport> {
  const batchSize = options.batchSize ?? 5000;
  const checkpoints = await readCheckpoints(store, batchSize);
  const verifier = new LogVerifier({
    publicKeys: options.publicKeys,
    checkpoints,
    maxProblems: options.maxProblems,
  });
  const head = await store.headPosition();
  let after = 0;
  let verified = 0;
  for (;;) {
    const events = await store.readAll({ after, maxCount: batchSize });
    for (const event of events) verifier.feed(event);
    verified += events.length;
    options.onProgress?.(verified, head);
    if (events.length < batchSize) break;
    after = events[events.length - 1]!.globalPosition;
  }
  return verifier.finish();
}

/** Every checkpoint in the log, in order, with its position. */
export async function readCheckpoints(store: EventStore, batchSize = 5000): Promise<LocatedCheckpoint[]> {
  const located: LocatedCheckpoint[] = [];
  let after = 0;
  for (;;) {
    const events = await store.readAll({
      after,
      maxCount: batchSize,
      filter: { categories: ['audit'], eventTypes: ['CheckpointSealed'] },
    });
    for (const event of events) {
      if (event.streamId !== CHECKPOINT_STREAM) continue;
      located.push({ globalPosition: event.globalPosition, checkpoint: event.data as CheckpointSealedData });
    }
    if (events.length < batchSize) return located;
    after = events[events.length - 1]!.globalPosition;
  }
}
