// The direct append of an embedded database's only writer: positions assigned in process, one plain INSERT.
import type { SqlClient } from '@liaison/sql';
import type { LinkedEvent } from '../hash-chain.js';
import { storedColumns } from './event-row.js';
import { HEAD_POSITION_SQL } from './queries.js';

/** PostgreSQL's unique_violation: an id, a (stream, position) or a global position is taken already. */
const UNIQUE_VIOLATION = '23505';
const COLUMNS = 13;
/** Larger appends go through `append_events` (bind parameters are limited to 65,535 per statement). */
export const MAX_DIRECT_EVENTS = 1_000;
/** Appends of up to this many events run as prepared statements (one per size); larger ones are parsed each time. */
const MAX_PREPARED_EVENTS = 8;

/**
 * The log of a database that only this process writes (PGlite, `SqlClient.exclusive`). Appends to it are
 * serialised here, in process, so the log head can be kept in memory and an append is the same INSERT a
 * hand-written loader would run. The table's constraints still guard it: when the INSERT meets a stored id, a
 * moved stream or a taken position, nothing is written, the head is forgotten, and the caller falls back to
 * `append_events`, which classifies the case (duplicate, conflict, stale) under its lock.
 */
export class ExclusiveLog {
  private head: number | null = null;
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(private readonly sql: SqlClient) {}

  private static readonly logs = new WeakMap<SqlClient, ExclusiveLog>();

  /** The one ExclusiveLog of `sql`, shared by every store opened on that client. */
  static of(sql: SqlClient): ExclusiveLog {
    let log = ExclusiveLog.logs.get(sql);
    if (!log) {
      log = new ExclusiveLog(sql);
      ExclusiveLog.logs.set(sql, log);
    }
    return log;
  }

  /**
   * Inserts `events` (linked onto the stream's expected head) at the end of the log and returns the global
   * position of the first, or null when a constraint refused them and nothing was written.
   */
  append(events: readonly LinkedEvent[]): Promise<number | null> {
    const run = this.tail.then(() => this.insert(events));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Forgets the head, so that the next append reads it (after a write that did not go through this log). */
  invalidate(): void {
    this.head = null;
  }

  private async insert(events: readonly LinkedEvent[]): Promise<number | null> {
    const head =
      this.head ?? Number((await this.sql.queryPrepared(HEAD_POSITION_SQL))[0]?.head_position ?? 0);
    const params: unknown[] = [];
    const rows = events.map((event, index) => {
      const base = index * COLUMNS;
      params.push(head + index + 1, ...storedColumns(event));
      const slots = Array.from({ length: COLUMNS }, (_, column) => `$${base + column + 1}`);
      slots[7] += '::jsonb';
      slots[8] += '::jsonb';
      return `(${slots.join(', ')})`;
    });
    const insert = `INSERT INTO events (global_position, id, stream_id, stream_position, category, type,
      schema_version, data, metadata, occurred_at, recorded_at, previous_hash, hash) VALUES ${rows.join(', ')}`;
    try {
      if (events.length <= MAX_PREPARED_EVENTS) await this.sql.queryPrepared(insert, params);
      else await this.sql.query(insert, params);
    } catch (error) {
      this.head = null;
      if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) return null;
      throw error;
    }
    this.head = head + events.length;
    return head + 1;
  }
}
