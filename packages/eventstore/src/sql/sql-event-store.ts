// The SQL adapter of the event store port: the same SQL on embedded PGlite and on a PostgreSQL server.
import { StatisticsUpkeep, type SqlClient } from '@liaison/sql';
import type { NewEvent, RecordedEvent } from '../envelope.js';
import { InvalidEventError, StreamNotFoundError, WrongExpectedVersionError } from '../errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventFilter,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  SubscriptionBatch,
} from '../event-store.js';
import { GENESIS_HASH, linkEvents, type LinkedEvent, type StreamHead } from '../hash-chain.js';
import { assertStreamId, normaliseEvents } from '../normalise-events.js';
import { UpcasterChain, type Upcaster } from '../upcasting.js';
import { decodeEvents, storedColumns } from './event-row.js';
import { HeadCache } from '../head-cache.js';
import { ExclusiveLog, MAX_DIRECT_EVENTS } from './exclusive-log.js';
import { LogNotifier } from './log-notifier.js';
import { HEAD_POSITION_SQL, STREAM_HEAD_SQL, readAllSql, readStreamSql } from './queries.js';
import { appendChannel, PARTIAL_RESEND, schemaSql } from './schema-sql.js';

export interface SqlEventStoreOptions {
  /** Lift old event versions on read. */
  upcasters?: readonly Upcaster[];
  /** How long a caught-up subscription waits for a notification before looking anyway; default 1000 ms. */
  pollIntervalMs?: number;
}

/** A page of the log and the head position it was read against. */
interface LogPage {
  events: RecordedEvent[];
  head: number;
}

/** What `append_events` answers (see schema-sql.ts). */
type AppendOutcome =
  | { status: 'appended'; first: number }
  | { status: 'duplicate'; version: number; hash: string; positions: Array<[number, number]> }
  | { status: 'conflict' | 'stale'; version: number; hash: string }
  | { status: 'invalid'; message: string };

const HEAD_CACHE_SIZE = 10_000;
/** The columns reads of the log select and order on. */
const LOG_KEY_COLUMNS = ['global_position', 'id', 'stream_id', 'stream_position', 'category', 'type'];
const DEFAULT_BATCH_SIZE = 500;
const MAX_INT32 = 2_147_483_647;
/** How often an append with expected version 'any' recomputes its hashes when other writers moved the head. */
const MAX_STALE_ATTEMPTS = 10;

/** An event store in the tables of one SQL schema; the SqlClient stays the caller's to close. */
export class SqlEventStore implements EventStore {
  private readonly heads = new HeadCache(HEAD_CACHE_SIZE);
  private readonly upcasters: UpcasterChain;
  private readonly pollIntervalMs: number;
  private readonly notifier: LogNotifier;
  private readonly closing = new AbortController();
  private readonly statistics: StatisticsUpkeep;
  private readonly channel: string;
  /** Set when this process is the database's only writer: appends then skip `append_events` when they can. */
  private readonly direct: ExclusiveLog | null;

  private constructor(
    private readonly sql: SqlClient,
    options: SqlEventStoreOptions,
  ) {
    this.upcasters = new UpcasterChain(options.upcasters);
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.channel = appendChannel(sql.schema);
    this.notifier = new LogNotifier(sql, this.channel);
    // The log is append-only and evenly spread, and every read of it is an index scan whatever the estimates
    // say (see queries.ts), so statistics need only the right order of magnitude: analyse when it has doubled,
    // and only the columns reads select on (the JSON columns cost four fifths of a full ANALYZE).
    this.statistics = new StatisticsUpkeep(sql, { fraction: 1, columns: LOG_KEY_COLUMNS });
    this.direct = sql.exclusive ? ExclusiveLog.of(sql) : null;
  }

  /** Creates the tables and the append function where missing, and returns a store over them. */
  static async open(sql: SqlClient, options: SqlEventStoreOptions = {}): Promise<SqlEventStore> {
    await sql.exec(schemaSql(sql.schema));
    // Whatever happened to the table before (a restore, a reset), a newly opened store starts from what it holds.
    if (sql.exclusive) ExclusiveLog.of(sql).invalidate();
    return new SqlEventStore(sql, options);
  }

  /**
   * Appends in one round trip when the stream's head is known, else reads the head first. The only writer of
   * an embedded database inserts directly; on a shared database one event goes through `append_event`;
   * `append_events` appends the rest and decides whatever those two refuse.
   */
  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const expected = options.expectedVersion ?? 'any';
    const expectedVersion = expectedVersionNumber(expected);
    const normalised = normaliseEvents(streamId, events);
    const recordedAt = new Date().toISOString();
    let head = await this.headFor(streamId, expectedVersion);
    for (let attempt = 1; ; attempt++) {
      const linked = linkEvents(streamId, normalised, head, recordedAt);
      if (
        this.direct &&
        linked.length <= MAX_DIRECT_EVENTS &&
        (expectedVersion === null || expectedVersion === head.version)
      ) {
        const first = await this.direct.append(linked);
        if (first !== null) return this.appended(streamId, linked, first);
      } else if (!this.direct && linked.length === 1) {
        const first = await this.appendOne(expectedVersion, linked[0]!);
        if (first !== null) return this.appended(streamId, linked, first);
      }
      const payload = linked.map(({ streamId: _s, streamPosition: _p, ...stored }) => stored);
      const rows = await this.sql
        .queryPrepared<{ outcome: AppendOutcome }>(
          'SELECT append_events($1, $2, $3, $4::jsonb, $5::uuid[], $6) AS outcome',
          [
            streamId,
            expectedVersion,
            head.version,
            JSON.stringify(payload),
            linked.map((event) => event.id),
            !this.sql.exclusive,
          ],
        )
        .catch((error: unknown) => {
          if ((error as { code?: unknown }).code === PARTIAL_RESEND) {
            throw new InvalidEventError(`${(error as Error).message} in ${streamId}`);
          }
          throw error;
        })
        .finally(() => this.direct?.invalidate());
      const outcome = rows[0]?.outcome;
      if (!outcome) throw new Error(`expected append_events to answer one row, received ${rows.length}`);
      switch (outcome.status) {
        case 'appended':
          return this.appended(streamId, linked, outcome.first);
        case 'duplicate': {
          this.heads.remember(streamId, { version: outcome.version, hash: outcome.hash });
          const positions = normalised.map((event, index) => {
            const [streamPosition, globalPosition] = outcome.positions[index]!;
            return { id: event.id, streamPosition, globalPosition };
          });
          return {
            streamVersion: outcome.version,
            positions,
            lastGlobalPosition: positions[positions.length - 1]!.globalPosition,
            duplicate: true,
          };
        }
        case 'conflict':
          this.heads.remember(streamId, { version: outcome.version, hash: outcome.hash });
          throw new WrongExpectedVersionError(streamId, expected, outcome.version);
        case 'stale':
          // Only 'any' (or a wrong cache) gets here: the hashes were computed on a head that has moved on.
          head = { version: outcome.version, hash: outcome.hash };
          this.heads.remember(streamId, head);
          if (attempt >= MAX_STALE_ATTEMPTS)
            throw new WrongExpectedVersionError(streamId, expected, outcome.version);
          continue;
        case 'invalid':
          throw new InvalidEventError(outcome.message);
      }
    }
  }

  /**
   * The common case of a shared database: one event on the head it was hashed on, through `append_event`
   * with its columns as parameters. Null when that head has moved or the id is stored: nothing was written.
   */
  private async appendOne(expectedVersion: number | null, event: LinkedEvent): Promise<number | null> {
    const rows = await this.sql.queryPrepared<{ first: string | null }>(
      `SELECT append_event($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12, $13, $14) AS first`,
      [expectedVersion, true, ...storedColumns(event)],
    );
    const first = rows[0]?.first;
    return first === null || first === undefined ? null : Number(first);
  }

  /** Records a successful append (head, statistics, local listeners) and reports its positions. */
  private appended(streamId: string, linked: readonly LinkedEvent[], first: number): AppendResult {
    const last = linked[linked.length - 1]!;
    this.heads.remember(streamId, { version: last.streamPosition, hash: last.hash });
    this.statistics.changed('events', linked.length);
    this.sql.notifyLocally(this.channel, String(first + linked.length - 1));
    return {
      streamVersion: last.streamPosition,
      positions: linked.map((event, index) => ({
        id: event.id,
        streamPosition: event.streamPosition,
        globalPosition: first + index,
      })),
      lastGlobalPosition: first + linked.length - 1,
      duplicate: false,
    };
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
    const from = count(options.fromPosition, 'fromPosition') ?? (direction === 'forwards' ? 1 : MAX_INT32);
    const rows = await this.sql.queryPrepared(readStreamSql(direction), [
      streamId,
      Math.min(from, MAX_INT32),
      count(options.maxCount, 'maxCount') ?? null,
    ]);
    const first = rows[0];
    if (!first) throw new StreamNotFoundError(streamId);
    this.heads.remember(streamId, { version: Number(first.head_version), hash: String(first.head_hash) });
    return decodeEvents(String(first.page), direction).map((event) => this.upcasters.apply(event));
  }

  /** Reads the global log after `after` in order. */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const page = await this.readPage(
      count(options.after, 'after') ?? 0,
      count(options.maxCount, 'maxCount') ?? null,
      options.filter,
    );
    return page.events;
  }

  /** Catches up in batches, then follows appends as notifications (or the poll interval) announce them. */
  async *subscribe(options: SubscribeOptions = {}): AsyncGenerator<SubscriptionBatch> {
    const batchSize = count(options.batchSize, 'batchSize') ?? DEFAULT_BATCH_SIZE;
    if (batchSize < 1)
      throw new InvalidEventError(`expected a batchSize of at least 1, received ${batchSize}`);
    let position = count(options.after, 'after') ?? 0;
    const stop = options.signal
      ? AbortSignal.any([options.signal, this.closing.signal])
      : this.closing.signal;
    if (stop.aborted) return;
    await this.notifier.acquire();
    // While the consumer works on one batch, the next is already being read (after a full page only).
    let ahead: { seen: number; page: Promise<LogPage> } | null = null;
    try {
      while (!stop.aborted) {
        const current: { seen: number; page: Promise<LogPage> } = ahead ?? {
          seen: this.notifier.count,
          page: this.readPage(position, batchSize, options.filter),
        };
        ahead = null;
        const page = await current.page;
        if (stop.aborted) return;
        const full = page.events.length === batchSize;
        // A short page covered the log up to the head, matching or not, so the checkpoint may move there.
        const next = full ? page.events[batchSize - 1]!.globalPosition : Math.max(position, page.head);
        if (full) {
          ahead = { seen: this.notifier.count, page: this.readPage(next, batchSize, options.filter) };
          ahead.page.catch(() => undefined); // observed below, or dropped with the subscription
        }
        if (page.events.length > 0 || next > position) {
          position = next;
          yield { events: page.events, position };
        }
        if (!full) await this.notifier.wait(current.seen, this.pollIntervalMs, stop);
      }
    } finally {
      // No read may outlive the subscription (the client may be closed next).
      await ahead?.page.catch(() => undefined);
      await this.notifier.release();
    }
  }

  /** The last global position, 0 when the log is empty. */
  async headPosition(): Promise<number> {
    const rows = await this.sql.queryPrepared(HEAD_POSITION_SQL);
    return Number(rows[0]?.head_position ?? 0);
  }

  /** Ends every subscription and stops listening; the SqlClient stays open. */
  async close(): Promise<void> {
    this.closing.abort();
    await this.notifier.shutdown();
    await this.statistics.settle();
  }

  /** A page of the log and the head position it was read against. */
  private async readPage(
    after: number,
    maxCount: number | null,
    filter: EventFilter | undefined,
  ): Promise<LogPage> {
    const query = readAllSql(filter);
    const [row] = await this.sql.query(query.text, [after, maxCount, ...query.params]);
    if (!row) throw new Error('expected the log read to answer one row, received none');
    return {
      events: decodeEvents(String(row.page), 'forwards').map((event) => this.upcasters.apply(event)),
      head: Number(row.head_position),
    };
  }

  /** The head to hash on: known for 'no_stream', from the cache when it is the expected one, else read. */
  private async headFor(streamId: string, expectedVersion: number | null): Promise<StreamHead> {
    if (expectedVersion === 0) return { version: 0, hash: GENESIS_HASH };
    const cached = this.heads.get(streamId);
    if (cached && (expectedVersion === null || cached.version === expectedVersion)) return cached;
    const rows = await this.sql.queryPrepared(STREAM_HEAD_SQL, [streamId]);
    const row = rows[0];
    if (!row) return { version: 0, hash: GENESIS_HASH };
    const head = { version: Number(row.stream_position), hash: String(row.hash) };
    this.heads.remember(streamId, head);
    return head;
  }
}

/** 'any' → null, 'no_stream' → 0, an exact version as itself. */
function expectedVersionNumber(expected: ExpectedVersion): number | null {
  if (expected === 'any') return null;
  if (expected === 'no_stream') return 0;
  if (Number.isInteger(expected) && expected >= 0 && expected <= MAX_INT32) return expected;
  throw new InvalidEventError(
    `expected version 'any', 'no_stream' or an integer ≥ 0, received ${JSON.stringify(expected)}`,
  );
}

/** A non-negative integer option, or undefined when absent. */
function count(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InvalidEventError(`expected ${name} to be an integer ≥ 0, received ${JSON.stringify(value)}`);
  }
  return value;
}
