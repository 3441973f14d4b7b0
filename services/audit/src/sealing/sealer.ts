// The sealing process: reads the log in order, keeps the Merkle tree's right edge, appends signed checkpoints.
import {
  eventLeafHash,
  signCheckpoint,
  toHex,
  TreeFrontier,
  type CheckpointSigner,
  type SignedCheckpoint,
} from '@liaison/audit';
import { eventIdFor } from '@liaison/decider';
import { StreamNotFoundError, WrongExpectedVersionError, type EventStore } from '@liaison/eventstore';
import type { Logger } from '@liaison/observability';
import { CHECKPOINT_STREAM, type CheckpointSealedData } from './events.js';

export interface SealerOptions {
  signer: CheckpointSigner;
  /** Seal once this many events (other than checkpoints) have arrived since the last checkpoint. */
  everyEvents: number;
  /** Seal when this long has passed since the last checkpoint and at least one event arrived. */
  intervalMs: number;
  /** Events read per page. Default 1000. */
  batchSize?: number;
  /** How often an idle sealer looks for new events. Default 1000 ms (capped by intervalMs). */
  pollMs?: number;
  now?: () => Date;
  logger?: Logger;
}

/** The sealer's position: the tree so far and the checkpoint stream it appends to. */
interface SealState {
  frontier: TreeFrontier;
  /** Version of the checkpoint stream the next append expects. */
  streamVersion: number;
  /** Events other than checkpoints since the last checkpoint. */
  pending: number;
  lastSealTime: string | null;
}

const MAX_BACKOFF_MS = 5000;

/**
 * Appends a signed checkpoint every `everyEvents` events or `intervalMs`, whichever comes first. The store must
 * give events in their stored form (no upcasters), since the leaves are the stored bytes. Several sealers may
 * run: each appends with the checkpoint stream's expected version, so exactly one checkpoint lands per
 * interval; the others reload it and continue from there.
 */
export class Sealer {
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly now: () => Date;
  private state: SealState | null = null;
  private loop: Promise<void> | null = null;
  private readonly stopping = new AbortController();

  constructor(
    private readonly store: EventStore,
    private readonly options: SealerOptions,
  ) {
    if (!Number.isSafeInteger(options.everyEvents) || options.everyEvents < 1) {
      throw new RangeError(`expected everyEvents ≥ 1, received ${options.everyEvents}`);
    }
    if (!Number.isFinite(options.intervalMs) || options.intervalMs < 1) {
      throw new RangeError(`expected intervalMs ≥ 1, received ${options.intervalMs}`);
    }
    this.batchSize = options.batchSize ?? 1000;
    this.pollMs = Math.min(options.pollMs ?? 1000, options.intervalMs);
    this.now = options.now ?? (() => new Date());
  }

  /** Runs in the background until stop(); failures are logged and retried with back-off. */
  start(): void {
    if (this.loop) return;
    this.loop = this.run();
  }

  /** Stops the background loop after the step in progress. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  /** Reads the log up to its current end, sealing as the interval rules say; returns the checkpoints it appended. */
  async catchUp(): Promise<SignedCheckpoint[]> {
    const sealed: SignedCheckpoint[] = [];
    const state = this.state ?? (this.state = await this.resume());
    for (;;) {
      const events = await this.store.readAll({ after: state.frontier.size, maxCount: this.batchSize });
      for (const event of events) {
        state.frontier.append(eventLeafHash(event));
        if (event.streamId !== CHECKPOINT_STREAM) state.pending += 1;
        if (state.pending >= this.options.everyEvents) {
          const checkpoint = await this.seal(state);
          if (!checkpoint) return sealed; // another sealer moved on: state was reloaded, read again next time
          sealed.push(checkpoint);
        }
      }
      if (events.length < this.batchSize) break;
    }
    if (state.pending > 0 && this.due(state)) {
      const checkpoint = await this.seal(state);
      if (checkpoint) sealed.push(checkpoint);
    }
    return sealed;
  }

  private async run(): Promise<void> {
    const signal = this.stopping.signal;
    let failures = 0;
    while (!signal.aborted) {
      try {
        await this.catchUp();
        failures = 0;
        await sleep(this.pollMs, signal);
      } catch (error) {
        failures += 1;
        this.state = null; // resume from the stored checkpoint: the state may be half-advanced
        this.options.logger?.error({ err: error, failures }, 'sealer step failed; retrying');
        await sleep(Math.min(MAX_BACKOFF_MS, 100 * 2 ** failures), signal);
      }
    }
  }

  private due(state: SealState): boolean {
    if (state.lastSealTime === null) return true;
    return this.now().getTime() - new Date(state.lastSealTime).getTime() >= this.options.intervalMs;
  }

  /** Appends a checkpoint of the current tree; null when another sealer got there first (state reloaded). */
  private async seal(state: SealState): Promise<SignedCheckpoint | null> {
    let time = this.now().toISOString();
    if (state.lastSealTime !== null && time < state.lastSealTime) time = state.lastSealTime; // clocks step back
    const checkpoint = signCheckpoint(
      { treeSize: state.frontier.size, rootHash: toHex(state.frontier.root()), time },
      state.frontier.toJSON(),
      this.options.signer,
    );
    const commandId = `seal-${checkpoint.treeSize}`;
    try {
      const result = await this.store.append(
        CHECKPOINT_STREAM,
        [
          {
            // The same tree size always gets the same id, so two sealers racing on one size store it once.
            id: eventIdFor(commandId, CHECKPOINT_STREAM, 0),
            type: 'CheckpointSealed',
            data: checkpoint satisfies CheckpointSealedData,
            metadata: {
              actorId: 'sealer',
              role: 'system',
              jurisdictionId: null,
              commandId,
              correlationId: commandId,
              causationId: null,
            },
            occurredAt: time,
          },
        ],
        { expectedVersion: state.streamVersion === 0 ? 'no_stream' : state.streamVersion },
      );
      if (result.duplicate) {
        this.state = await this.resume();
        return null;
      }
      state.streamVersion = result.streamVersion;
      state.pending = 0;
      state.lastSealTime = time;
      this.options.logger?.info(
        { treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash, position: result.lastGlobalPosition },
        'checkpoint sealed',
      );
      return checkpoint;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      this.options.logger?.debug({ treeSize: checkpoint.treeSize }, 'another sealer sealed first; reloading');
      this.state = await this.resume();
      return null;
    }
  }

  /** The state after the last stored checkpoint (or the empty tree). */
  private async resume(): Promise<SealState> {
    let last: { data: CheckpointSealedData; streamPosition: number } | null = null;
    try {
      const [event] = await this.store.readStream(CHECKPOINT_STREAM, { direction: 'backwards', maxCount: 1 });
      if (event) last = { data: event.data as CheckpointSealedData, streamPosition: event.streamPosition };
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    if (!last) return { frontier: TreeFrontier.empty(), streamVersion: 0, pending: 0, lastSealTime: null };
    return {
      frontier: TreeFrontier.restore(last.data.treeSize, last.data.frontier),
      streamVersion: last.streamPosition,
      pending: 0,
      lastSealTime: last.data.time,
    };
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
