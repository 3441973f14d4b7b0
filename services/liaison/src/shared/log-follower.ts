// Following the event log from a stored checkpoint, for the processes that react to events with commands.
import { eventIdFor, type CommandMetadata } from '@liaison/decider';
import type { EventStore, RecordedEvent } from '@liaison/eventstore';
import type { ReadStore } from '@liaison/readstore';

export interface LogFollowerOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  /** The checkpoint name the position is kept under (in the read store, like a projection's). */
  checkpoint: string;
  eventTypes: readonly string[];
  /** Handles one event; it must be idempotent, as a restart handles the events after the checkpoint again. */
  handle(event: RecordedEvent, signal: AbortSignal): Promise<void>;
  /** Told about a failed batch, which is retried after a pause. */
  onError?(error: unknown): void;
}

/** Runs `handle` over each matching event, in log order, checkpointing after each batch; stoppable. */
export class LogFollower {
  private abort: AbortController | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly options: LogFollowerOptions) {}

  /** Starts following the log from the stored checkpoint. */
  start(): void {
    if (this.running) return;
    this.abort = new AbortController();
    this.running = this.run(this.abort.signal);
  }

  /** Stops after the event in flight; the checkpoint says where to resume. */
  async stop(): Promise<void> {
    this.abort?.abort();
    await this.running;
    this.running = null;
  }

  private async run(signal: AbortSignal): Promise<void> {
    const { eventStore, readStore, checkpoint } = this.options;
    while (!signal.aborted) {
      try {
        const after = await readStore.getCheckpoint(checkpoint);
        for await (const batch of eventStore.subscribe({
          after,
          filter: { eventTypes: this.options.eventTypes },
          batchSize: 100,
          signal,
        })) {
          for (const event of batch.events) {
            if (signal.aborted) return;
            await this.options.handle(event, signal);
          }
          if (signal.aborted) return;
          await readStore.commit([], [{ name: checkpoint, position: batch.position }]);
        }
      } catch (error) {
        if (signal.aborted) return;
        this.options.onError?.(error);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
}

/** Waits until the read models have folded the log up to `position`, however long; throws once stopped. */
export async function untilProjected(
  waitForPosition: (position: number, timeoutMs: number) => Promise<boolean>,
  position: number,
  signal?: AbortSignal,
): Promise<void> {
  while (!(await waitForPosition(position, 5000))) {
    if (signal?.aborted) throw new Error('stopped while waiting for read models');
  }
}

/** A process manager: follows the log from its checkpoint and handles each trigger event with commands. */
export abstract class LogProcess {
  /** The process's name: its checkpoint's. */
  readonly name: string;
  private readonly follower: LogFollower;

  protected constructor(options: Omit<LogFollowerOptions, 'handle'>) {
    this.name = options.checkpoint;
    this.follower = new LogFollower({ ...options, handle: (event, signal) => this.handle(event, signal) });
  }

  /** Starts following the log from the stored checkpoint. */
  start(): void {
    this.follower.start();
  }

  /** Stops after the command in flight; the checkpoint says where to resume. */
  async stop(): Promise<void> {
    await this.follower.stop();
  }

  /** Handles one trigger; every command it issues must be idempotent, as a restart may handle it again. */
  abstract handle(event: RecordedEvent, signal?: AbortSignal): Promise<void>;
}

/**
 * Metadata of a command that process `actorId` issues about `target` for `trigger`: the command id is derived from
 * `key`, the trigger and the target, so handling the same trigger again is answered as a duplicate.
 */
export function processCommandMetadata(
  process: { actorId: string; key: string; now: Date },
  trigger: RecordedEvent,
  target: string,
): CommandMetadata {
  const { actorId, key, now } = process;
  const commandId = eventIdFor(`${key}:${trigger.id}`, target, 0);
  return {
    commandId,
    actorId,
    role: 'system',
    jurisdictionId: null,
    now: now.toISOString(),
    correlationId: trigger.metadata.correlationId,
    causationId: trigger.id,
  };
}
