// The generic command handler: load the stream, decide, append with the expected version, retry on conflict.
import {
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@liaison/eventstore';
import type { Command, Decider, DomainEvent } from './decider.js';
import { isDomainError, type DomainError } from './domain-error.js';
import { eventIdFor } from './event-ids.js';

export interface CommandHandlerOptions {
  /** How many times a conflicting append is retried after reloading the stream. */
  maxRetries?: number;
  /** How many streams' states are kept in memory between commands (0 disables the cache). */
  cacheSize?: number;
  /**
   * The first pause before retrying a conflicting append, in ms; each later one may be twice as long (up to
   * 100 ms), drawn at random ("full jitter"). Without it a writer that lost a race on a busy stream keeps losing
   * to one that never has to re-read. Default 1; 0 retries at once.
   */
  retryBackoffMs?: number;
}

const MAX_BACKOFF_MS = 100;

export type CommandOutcome =
  | {
      ok: true;
      streamId: string;
      /** The stream's version after the command. */
      streamVersion: number;
      /** The global position of the command's last event (or of the stream's last, when it appended none). */
      globalPosition: number;
      /** How many events the command appended. */
      eventCount: number;
      /** True when this command id had already been handled; nothing new was appended. */
      duplicate: boolean;
    }
  | { ok: false; error: DomainError };

/** The outcome of a command already handled before, recorded per command id. */
interface HandledCommand {
  streamVersion: number;
  globalPosition: number;
  eventCount: number;
}

interface LoadedStream<State> {
  state: State;
  version: number;
  lastGlobalPosition: number;
  handled: Map<string, HandledCommand>;
}

/** Handles commands for one decider; keeps a bounded cache of stream states so a command reads only new events. */
export class CommandHandler<State, C extends Command, E extends DomainEvent> {
  private readonly cache = new Map<string, LoadedStream<State>>();
  private readonly maxRetries: number;
  private readonly cacheSize: number;
  private readonly retryBackoffMs: number;

  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<State, C, E>,
    options: CommandHandlerOptions = {},
  ) {
    this.maxRetries = options.maxRetries ?? 5;
    this.cacheSize = options.cacheSize ?? 10_000;
    this.retryBackoffMs = options.retryBackoffMs ?? 1;
  }

  /** Decides `command` against the current state of `streamId` and appends the resulting events. */
  async handle(streamId: string, command: C): Promise<CommandOutcome> {
    for (let attempt = 0; ; attempt++) {
      // A cached state is used as is: if another writer moved the stream, the append fails on the expected
      // version and the retry reads only the events after the cached version (a state at a version never
      // changes in an append-only log), so a writer that lost a race catches up cheaply.
      const loaded =
        attempt === 0 ? (this.cache.get(streamId) ?? (await this.load(streamId))) : await this.load(streamId);
      const previous = loaded.handled.get(command.metadata.commandId);
      if (previous) return { ok: true, streamId, ...previous, duplicate: true };

      const decision = this.decider.decide(command, loaded.state);
      if (isDomainError(decision)) return { ok: false, error: decision };
      if (decision.length === 0) {
        return {
          ok: true,
          streamId,
          streamVersion: loaded.version,
          globalPosition: loaded.lastGlobalPosition,
          eventCount: 0,
          duplicate: false,
        };
      }

      const events: NewEvent[] = decision.map((event, index) => ({
        id: eventIdFor(command.metadata.commandId, streamId, index),
        type: event.type,
        data: event.data,
        occurredAt: command.metadata.now,
        metadata: {
          actorId: command.metadata.actorId,
          role: command.metadata.role,
          jurisdictionId: command.metadata.jurisdictionId,
          commandId: command.metadata.commandId,
          correlationId: command.metadata.correlationId,
          causationId: command.metadata.causationId,
        },
      }));
      try {
        const result = await this.store.append(streamId, events, {
          expectedVersion: loaded.version === 0 ? 'no_stream' : loaded.version,
        });
        const handled = {
          streamVersion: result.streamVersion,
          globalPosition: result.lastGlobalPosition,
          eventCount: events.length,
        };
        if (!result.duplicate) {
          this.remember(streamId, {
            state: decision.reduce((state, event) => this.decider.evolve(state, event), loaded.state),
            version: result.streamVersion,
            lastGlobalPosition: result.lastGlobalPosition,
            handled: loaded.handled.set(command.metadata.commandId, handled),
          });
        } else {
          this.cache.delete(streamId);
        }
        return { ok: true, streamId, ...handled, duplicate: result.duplicate };
      } catch (error) {
        if (error instanceof WrongExpectedVersionError && attempt < this.maxRetries) {
          await this.backOff(attempt);
          continue;
        }
        this.cache.delete(streamId);
        throw error;
      }
    }
  }

  /** The current state of a stream, read through the cache. */
  async state(streamId: string): Promise<{ state: State; version: number }> {
    const loaded = await this.load(streamId);
    return { state: loaded.state, version: loaded.version };
  }

  private async load(streamId: string): Promise<LoadedStream<State>> {
    const cached = this.cache.get(streamId);
    const base: LoadedStream<State> = cached ?? {
      state: this.decider.initialState(),
      version: 0,
      lastGlobalPosition: 0,
      handled: new Map(),
    };
    let events: RecordedEvent[];
    try {
      events = await this.store.readStream(streamId, { fromPosition: base.version + 1 });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return base;
      throw error;
    }
    if (events.length === 0) return base;
    const loaded: LoadedStream<State> = {
      state: base.state,
      version: base.version,
      lastGlobalPosition: base.lastGlobalPosition,
      handled: new Map(base.handled),
    };
    for (const event of events) {
      loaded.state = this.decider.evolve(loaded.state, { type: event.type, data: event.data } as E);
      loaded.version = event.streamPosition;
      loaded.lastGlobalPosition = event.globalPosition;
      const commandId = event.metadata.commandId;
      const prior = loaded.handled.get(commandId);
      loaded.handled.set(commandId, {
        streamVersion: event.streamPosition,
        globalPosition: event.globalPosition,
        eventCount: (prior?.eventCount ?? 0) + 1,
      });
    }
    this.remember(streamId, loaded);
    return loaded;
  }

  /** Waits a random time below min(100 ms, backoff × 2^attempt) before retry `attempt + 1`. */
  private async backOff(attempt: number): Promise<void> {
    if (this.retryBackoffMs <= 0) return;
    const ceiling = Math.min(MAX_BACKOFF_MS, this.retryBackoffMs * 2 ** attempt);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
  }

  private remember(streamId: string, loaded: LoadedStream<State>): void {
    if (this.cacheSize === 0) return;
    this.cache.delete(streamId);
    this.cache.set(streamId, loaded);
    if (this.cache.size > this.cacheSize) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }
}
