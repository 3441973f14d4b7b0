// The port's global positions over KurrentDB's transaction-log positions.
//
// KurrentDB gives each event the byte offset of its record in the transaction log (commit = prepare position
// for every event appended through gRPC). Those offsets increase in commit order but jump by record sizes,
// while the port promises that the events of one append have consecutive positions. So a port position is
//
//   anchor × EVENTS_PER_APPEND + appendIndex
//
// where `anchor` is the log position of the first event of the event's append and `appendIndex` its index in
// that append (stored in the event's metadata). The records of one append lie next to each other in the log,
// each at least one byte long, so positions still increase in log order across appends, and the first event of
// an append sits exactly at `anchor`: a port position always names a record boundary to read the log from.
import type { Position, ReadPosition } from '@kurrent/kurrentdb-client';
import { InvalidEventError } from '../errors.js';

/** Most events one append may carry; also the factor between log and port positions. */
export const EVENTS_PER_APPEND = 1024;

/** The largest log position whose port positions are still exact JavaScript integers (8 TiB of log). */
export const MAX_ANCHOR = Math.floor(Number.MAX_SAFE_INTEGER / EVENTS_PER_APPEND) - 1;

/** The port position of the event at `appendIndex` of an append whose first event is at log position `anchor`. */
export function globalPosition(anchor: bigint, appendIndex: number): number {
  if (anchor < 0n || anchor > BigInt(MAX_ANCHOR)) {
    throw new RangeError(
      `expected a log position between 0 and ${MAX_ANCHOR}, received ${anchor}: the log has outgrown the port's numeric positions`,
    );
  }
  if (!Number.isInteger(appendIndex) || appendIndex < 0 || appendIndex >= EVENTS_PER_APPEND) {
    throw new RangeError(
      `expected an append index between 0 and ${EVENTS_PER_APPEND - 1}, received ${String(appendIndex)}`,
    );
  }
  return Number(anchor) * EVENTS_PER_APPEND + appendIndex;
}

/** The log position of the first event of the append that holds port position `position`. */
export function anchorOf(position: number): bigint {
  return BigInt(Math.floor(position / EVENTS_PER_APPEND));
}

/**
 * Where to read the log forwards from (inclusive) to see every event after port position `after`: the first
 * event of its append. The caller drops the events of that append up to `after`.
 */
export function readStart(after: number): ReadPosition {
  if (after === 0) return 'start';
  const anchor = anchorOf(after);
  return { commit: anchor, prepare: anchor };
}

/** The log position of a recorded event, or a clear error when the server did not say (before 22.6). */
export function logPosition(position: Position | bigint | undefined, where: string): bigint {
  if (position === undefined) {
    throw new Error(
      `expected the server to report the log position of ${where}; EventStoreDB 22.6 or later does`,
    );
  }
  return typeof position === 'bigint' ? position : position.commit;
}

/** Refuses an append larger than the position scheme allows, before anything is written. */
export function assertAppendSize(streamId: string, count: number): void {
  if (count > EVENTS_PER_APPEND) {
    throw new InvalidEventError(
      `expected at most ${EVENTS_PER_APPEND} events in one append to ${streamId} on KurrentDB, received ${count}`,
    );
  }
}
