// The KurrentDB (EventStoreDB) adapter of the event store port, over the official gRPC client.
import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  START,
  streamNameFilter,
  type ReadPosition,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type { NewEvent, RecordedEvent } from '../envelope.js';
import { InvalidEventError, StreamNotFoundError, WrongExpectedVersionError } from '../errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventFilter,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  SubscriptionBatch,
} from '../event-store.js';
import { GENESIS_HASH, linkEvents, type StreamHead } from '../hash-chain.js';
import { HeadCache } from '../head-cache.js';
import { assertStreamId, normaliseEvents } from '../normalise-events.js';
import { UpcasterChain, type Upcaster } from '../upcasting.js';
import { AnchorCache } from './anchor-cache.js';
import { decodeEvent, encodeEvent, type DecodedEvent } from './envelope-codec.js';
import { expectedVersionNumber, revisionOf, streamStateFor, versionOfState } from './expected-version.js';
import { claimEventIds } from './id-claims.js';
import { appendError, isWrongExpectedVersion, readError } from './kurrent-errors.js';
import { LiveSignal } from './live-signal.js';
import { logFilter } from './log-filter.js';
import { EVENTS_PER_APPEND, assertAppendSize, globalPosition, logPosition, readStart } from './positions.js';
import { StreamNames } from './stream-names.js';

export interface KurrentEventStoreOptions {
  /** Lift old event versions on read. */
  upcasters?: readonly Upcaster[];
  /**
   * Prefix of every stream this store writes (letters, digits, underscores), so that several stores can share
   * one database; a store sees only its own streams. Default: none.
   */
  namespace?: string;
  /** How long a caught-up subscription waits for the live signal before reading anyway; default 1000 ms. */
  pollIntervalMs?: number;
}

const CACHE_SIZE = 10_000;
const DEFAULT_BATCH_SIZE = 500;
/** Events asked of the server per read of $all when the caller sets no limit. */
const LOG_PAGE = 1000;
/** How often an append with expected version 'any' re-links its hash chain after other writers moved the stream. */
const MAX_ATTEMPTS = 10;

/** An event store in a KurrentDB database. */
export class KurrentEventStore implements EventStore {
  private readonly names: StreamNames;
  private readonly upcasters: UpcasterChain;
  private readonly heads = new HeadCache(CACHE_SIZE);
  private readonly anchors = new AnchorCache(CACHE_SIZE);
  private readonly live: LiveSignal;
  private readonly pollIntervalMs: number;
  private readonly closing = new AbortController();

  /** A store over a client the caller keeps and disposes. */
  constructor(
    private readonly client: KurrentDBClient,
    options: KurrentEventStoreOptions = {},
    private readonly ownsClient = false,
  ) {
    this.names = new StreamNames(options.namespace);
    this.upcasters = new UpcasterChain(options.upcasters);
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.live = new LiveSignal(client, this.names.domainStreamRegex);
  }

  /** A store with its own client for `connectionString` (kurrentdb://…, esdb://…); close() disposes it. */
  static connect(connectionString: string, options: KurrentEventStoreOptions = {}): KurrentEventStore {
    return new KurrentEventStore(KurrentDBClient.connectionString(connectionString), options, true);
  }

  /**
   * Claims the ids, reads the head, links the hash chain and appends at the exact revision (also for 'any',
   * because the hashes depend on the head); then reads the appended events back for their log positions.
   */
  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const expected = options.expectedVersion ?? 'any';
    const expectedVersion = expectedVersionNumber(expected);
    const normalised = normaliseEvents(streamId, events);
    assertAppendSize(streamId, normalised.length);
    const stream = this.names.stream(streamId);
    const ids = normalised.map((event) => event.id);
    let maybeStored = await claimEventIds(this.client, this.names, streamId, ids);
    const recordedAt = new Date().toISOString();
    let head = await this.headFor(stream, streamId, expectedVersion);
    for (let attempt = 1; ; attempt++) {
      if (maybeStored) {
        const found = await this.findStored(stream, streamId, ids);
        if (found.result) return found.result;
        head = found.head;
      }
      if (expectedVersion !== null && head.version !== expectedVersion) {
        throw new WrongExpectedVersionError(streamId, expected, head.version);
      }
      const linked = linkEvents(streamId, normalised, head, recordedAt);
      const appendId = randomUUID();
      let nextRevision: bigint;
      try {
        const written = await this.client.appendToStream(
          stream,
          linked.map((event, index) => encodeEvent(event, index, appendId)),
          { streamState: streamStateFor(head.version) },
        );
        nextRevision = written.nextExpectedRevision;
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw appendError(error, streamId);
        // Another writer moved the stream, perhaps with these very events (a concurrent copy): look first.
        maybeStored = true;
        if (expectedVersion !== null) {
          const found = await this.findStored(stream, streamId, ids);
          if (found.result) return found.result;
          throw new WrongExpectedVersionError(streamId, expected, found.head.version);
        }
        if (attempt >= MAX_ATTEMPTS) {
          throw new WrongExpectedVersionError(streamId, expected, versionOfState(error.actualState));
        }
        continue;
      }
      return this.appended(stream, streamId, ids, appendId, nextRevision);
    }
  }

  /** Reads a stream; [] when it exists but has nothing in range, StreamNotFoundError when it has no events. */
  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertStreamId(streamId);
    const direction = options.direction ?? 'forwards';
    if (direction !== 'forwards' && direction !== 'backwards') {
      throw new InvalidEventError(
        `expected direction 'forwards' or 'backwards', received ${JSON.stringify(direction)}`,
      );
    }
    const from = count(options.fromPosition, 'fromPosition');
    const maxCount = count(options.maxCount, 'maxCount');
    const stream = this.names.stream(streamId);
    if (maxCount === 0 || (direction === 'backwards' && from === 0)) {
      // Nothing can be in range, but a missing stream is still an error.
      if ((await this.readHead(stream, streamId)).version === 0) throw new StreamNotFoundError(streamId);
      return [];
    }
    const fromRevision =
      from === undefined ? (direction === 'forwards' ? START : END) : revisionOf(Math.max(from, 1));
    const decoded = await this.readStreamEvents(stream, streamId, {
      direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
      fromRevision,
      ...(maxCount === undefined ? {} : { maxCount }),
    });
    return this.withPositions(decoded);
  }

  /** Reads the global log after `after` in order. */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readPage(
      count(options.after, 'after') ?? 0,
      count(options.maxCount, 'maxCount') ?? null,
      options.filter,
    );
  }

  /**
   * Catches up by reading $all with the filter applied on the server, from the stored position, then waits for
   * the live signal (or the poll interval) and reads again. With a filter, the head is read before each page:
   * when the page comes back short, every event up to that head has been examined, so the position moves there
   * even if none of them matched.
   */
  async *subscribe(options: SubscribeOptions = {}): AsyncGenerator<SubscriptionBatch> {
    const batchSize = count(options.batchSize, 'batchSize') ?? DEFAULT_BATCH_SIZE;
    if (batchSize < 1)
      throw new InvalidEventError(`expected a batchSize of at least 1, received ${batchSize}`);
    let position = count(options.after, 'after') ?? 0;
    const stop = options.signal
      ? AbortSignal.any([options.signal, this.closing.signal])
      : this.closing.signal;
    if (stop.aborted) return;
    this.live.acquire();
    try {
      while (!stop.aborted) {
        const seen = this.live.count;
        const head = options.filter ? await this.headPosition() : 0;
        const events = await this.readPage(position, batchSize, options.filter);
        if (stop.aborted) return;
        const full = events.length === batchSize;
        const last = events[events.length - 1]?.globalPosition ?? 0;
        const next = full ? last : Math.max(position, last, head);
        if (events.length > 0 || next > position) {
          position = next;
          yield { events, position };
        }
        if (!full) await this.live.wait(seen, this.pollIntervalMs, stop);
      }
    } finally {
      await this.live.release();
    }
  }

  /** The global position of the newest event of this store, 0 when it has none. */
  async headPosition(): Promise<number> {
    // Events of other writers may match the stream pattern; look further back until one of ours turns up.
    for (let window = 16; ; window *= 8) {
      let seen = 0;
      for await (const resolved of this.client.readAll({
        direction: BACKWARDS,
        fromPosition: END,
        maxCount: window,
        filter: streamNameFilter({ regex: this.names.domainStreamRegex }),
      })) {
        seen++;
        const decoded = resolved.event ? decodeEvent(resolved.event, this.names) : null;
        if (decoded) return (await this.withPositions([decoded]))[0]!.globalPosition;
      }
      if (seen < window) return 0;
    }
  }

  /** Ends every subscription; disposes the client when this store created it. */
  async close(): Promise<void> {
    this.closing.abort();
    await this.live.shutdown();
    if (this.ownsClient) await this.client.dispose();
  }

  /** The result of a successful append, read back so that positions (and a server-side duplicate) are exact. */
  private async appended(
    stream: string,
    streamId: string,
    ids: readonly string[],
    appendId: string,
    nextRevision: bigint,
  ): Promise<AppendResult> {
    const first = nextRevision - BigInt(ids.length - 1);
    const decoded = await this.readStreamEvents(stream, streamId, {
      direction: FORWARDS,
      fromRevision: first,
      maxCount: ids.length,
    });
    const readIds = decoded.map((event) => event.event.id);
    if (readIds.join() !== ids.join()) {
      throw new Error(
        `expected the events just appended to ${streamId} at revision ${first}, read ${readIds.join(', ')} instead of ${ids.join(', ')}`,
      );
    }
    const stored = await this.withPositions(decoded);
    const last = stored[stored.length - 1]!;
    this.heads.remember(stream, { version: last.streamPosition, hash: last.hash });
    // KurrentDB answers a re-sent append at its original expected version with success, writing nothing: the
    // stored events then name the write that did store them.
    const duplicate = decoded[0]!.appendId !== appendId;
    return {
      streamVersion: duplicate ? (await this.readHead(stream, streamId)).version : last.streamPosition,
      positions: stored.map((event) => ({
        id: event.id,
        streamPosition: event.streamPosition,
        globalPosition: event.globalPosition,
      })),
      lastGlobalPosition: last.globalPosition,
      duplicate,
    };
  }

  /**
   * Looks for the ids in the stream (read whole: streams hold one aggregate's events). All there: the append
   * is a re-send and gets the original positions. Some there: refused. None: the stream's head, to append on.
   */
  private async findStored(
    stream: string,
    streamId: string,
    ids: readonly string[],
  ): Promise<{ head: StreamHead; result?: AppendResult }> {
    let decoded: DecodedEvent[];
    try {
      decoded = await this.readStreamEvents(stream, streamId, { direction: FORWARDS, fromRevision: START });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return { head: { version: 0, hash: GENESIS_HASH } };
      throw error;
    }
    const lastEvent = decoded[decoded.length - 1];
    const head = lastEvent
      ? { version: lastEvent.event.streamPosition, hash: lastEvent.event.hash }
      : { version: 0, hash: GENESIS_HASH };
    if (lastEvent) this.heads.remember(stream, head);
    const wanted = new Set(ids);
    const matching = decoded.filter((event) => wanted.has(event.event.id));
    if (matching.length === 0) return { head };
    if (matching.length < ids.length) {
      throw new InvalidEventError(
        `expected all or none of the ${ids.length} event ids to be stored in ${streamId} already, but ${matching.length} are; nothing was appended`,
      );
    }
    const byId = new Map((await this.withPositions(matching)).map((event) => [event.id, event]));
    const positions = ids.map((id) => {
      const event = byId.get(id)!;
      return { id, streamPosition: event.streamPosition, globalPosition: event.globalPosition };
    });
    return {
      head,
      result: {
        streamVersion: head.version,
        positions,
        lastGlobalPosition: positions[positions.length - 1]!.globalPosition,
        duplicate: true,
      },
    };
  }

  /** The head to hash on: the cached one when it is the expected one, else read. */
  private async headFor(
    stream: string,
    streamId: string,
    expectedVersion: number | null,
  ): Promise<StreamHead> {
    const cached = this.heads.get(stream);
    if (cached && (expectedVersion === null || cached.version === expectedVersion)) return cached;
    return this.readHead(stream, streamId);
  }

  /** The stream's last event as a head; version 0 when the stream has no events. */
  private async readHead(stream: string, streamId: string): Promise<StreamHead> {
    let decoded: DecodedEvent[];
    try {
      decoded = await this.readStreamEvents(stream, streamId, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return { version: 0, hash: GENESIS_HASH };
      throw error;
    }
    const last = decoded[0];
    if (!last) return { version: 0, hash: GENESIS_HASH };
    const head = { version: last.event.streamPosition, hash: last.event.hash };
    this.heads.remember(stream, head);
    return head;
  }

  /** Reads stream events and decodes them; every event of a domain stream must carry this store's envelope. */
  private async readStreamEvents(
    stream: string,
    streamId: string,
    options: {
      direction: typeof FORWARDS | typeof BACKWARDS;
      fromRevision: bigint | typeof START | typeof END;
      maxCount?: number;
    },
  ): Promise<DecodedEvent[]> {
    const decoded: DecodedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(stream, options)) {
        decoded.push(this.decodeOwn(resolved, streamId));
      }
    } catch (error) {
      throw readError(error, streamId);
    }
    return decoded;
  }

  private decodeOwn(resolved: ResolvedEvent, streamId: string): DecodedEvent {
    const recorded = resolved.event;
    const decoded = recorded ? decodeEvent(recorded, this.names) : null;
    if (!decoded) {
      throw new Error(
        `expected every event of ${streamId} to carry this store's envelope, but event ${recorded?.id ?? '(none)'} at revision ${String(recorded?.revision)} does not`,
      );
    }
    return decoded;
  }

  /**
   * Reads the log after `after`: from the first event of `after`'s append (a record boundary), with the
   * server-side filter, dropping what the exact filter rejects and what lies at or before `after`.
   */
  private async readPage(
    after: number,
    maxCount: number | null,
    filter: EventFilter | undefined,
  ): Promise<RecordedEvent[]> {
    const selection = logFilter(this.names, filter);
    if (selection.matchesNothing || maxCount === 0) return [];
    const events: RecordedEvent[] = [];
    let from: ReadPosition = readStart(after);
    let lastRead: bigint | null = null;
    for (;;) {
      const wanted =
        maxCount === null ? LOG_PAGE : maxCount - events.length + (after % EVENTS_PER_APPEND) + 1;
      const page: DecodedEvent[] = [];
      let received = 0;
      for await (const resolved of this.client.readAll({
        fromPosition: from,
        maxCount: wanted,
        filter: selection.server,
      })) {
        received++;
        const recorded = resolved.event;
        if (!recorded) continue;
        const position = logPosition(recorded.position, `event ${recorded.id} in $all`);
        // Reads start inclusively at a record already seen.
        if (lastRead !== null && position <= lastRead) continue;
        lastRead = position;
        const decoded = decodeEvent(recorded, this.names);
        if (decoded && selection.matches(decoded.event)) page.push(decoded);
      }
      for (const event of await this.withPositions(page)) {
        if (event.globalPosition <= after) continue;
        events.push(event);
        if (maxCount !== null && events.length >= maxCount) return events;
      }
      if (received < wanted || lastRead === null) return events;
      from = { commit: lastRead, prepare: lastRead };
    }
  }

  /**
   * Gives decoded events their global positions: each needs the log position of the first event of its append,
   * found in the same batch, in the cache, or read from its stream. Then applies the upcasters.
   */
  private async withPositions(decoded: readonly DecodedEvent[]): Promise<RecordedEvent[]> {
    // The anchors of this batch, held here so that no cache eviction can lose one before it is used.
    const anchors = new Map<string, bigint>();
    const keyOf = (streamName: string, revision: bigint) => `${revision}:${streamName}`;
    for (const event of decoded) {
      if (event.appendIndex !== 0) continue;
      const anchor = logPosition(event.logPosition, `event ${event.event.id}`);
      anchors.set(keyOf(event.streamName, event.revision), anchor);
      this.anchors.remember(event.streamName, event.revision, anchor);
    }
    const missing = new Map<string, { streamName: string; revision: bigint; streamId: string }>();
    for (const event of decoded) {
      const revision = event.revision - BigInt(event.appendIndex);
      const key = keyOf(event.streamName, revision);
      if (anchors.has(key)) continue;
      const cached = this.anchors.get(event.streamName, revision);
      if (cached !== undefined) anchors.set(key, cached);
      else missing.set(key, { streamName: event.streamName, revision, streamId: event.event.streamId });
    }
    await Promise.all(
      [...missing].map(async ([key, { streamName, revision, streamId }]) => {
        const [first] = await this.readStreamEvents(streamName, streamId, {
          direction: FORWARDS,
          fromRevision: revision,
          maxCount: 1,
        });
        if (!first || first.appendIndex !== 0) {
          throw new Error(
            `expected the event at revision ${revision} of ${streamId} to start an append, but it does not`,
          );
        }
        const anchor = logPosition(first.logPosition, `event ${first.event.id}`);
        anchors.set(key, anchor);
        this.anchors.remember(streamName, revision, anchor);
      }),
    );
    return decoded.map((event) => {
      const anchor = anchors.get(keyOf(event.streamName, event.revision - BigInt(event.appendIndex)))!;
      return this.upcasters.apply({
        ...event.event,
        globalPosition: globalPosition(anchor, event.appendIndex),
      });
    });
  }
}

/** A non-negative integer option, or undefined when absent. */
function count(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InvalidEventError(`expected ${name} to be an integer ≥ 0, received ${JSON.stringify(value)}`);
  }
  return value;
}
