// The read statements; each also returns the head it read against, in the same snapshot.
import type { EventFilter } from '../event-store.js';
import { EVENT_COLUMNS } from './event-row.js';

/** A stream's last position and hash. */
export const STREAM_HEAD_SQL =
  'SELECT stream_position, hash FROM events WHERE stream_id = $1 ORDER BY stream_position DESC LIMIT 1';

/** The last global position (0 when the log is empty). */
export const HEAD_POSITION_SQL = 'SELECT coalesce(max(global_position), 0) AS head_position FROM events';

/**
 * Reads a stream ($1) from a position ($2) with a limit ($3), joined to the stream's head: no rows means no
 * stream; one row of nulls besides the head means nothing in range.
 */
export function readStreamSql(direction: 'forwards' | 'backwards'): string {
  const [compare, order] = direction === 'forwards' ? ['>=', 'ASC'] : ['<=', 'DESC'];
  return `WITH head AS (
  SELECT stream_position AS head_version, hash AS head_hash FROM events WHERE stream_id = $1 ORDER BY stream_position DESC LIMIT 1
)
SELECT head.head_version, head.head_hash, e.* FROM head LEFT JOIN LATERAL (
  SELECT ${EVENT_COLUMNS} FROM events
  WHERE stream_id = $1 AND stream_position ${compare} $2 ORDER BY stream_position ${order} LIMIT $3
) e ON true
ORDER BY e.stream_position ${order}`;
}

/**
 * Reads the log after a position ($1) up to a limit ($2), only events at or below the head read in the same
 * snapshot, so `head_position` says how far the log was examined even when the filter matched nothing.
 */
export function readAllSql(filter: EventFilter | undefined): { text: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter?.categories) {
    params.push([...filter.categories]);
    conditions.push(`AND category = ANY ($${params.length + 2}::text[])`);
  }
  if (filter?.eventTypes) {
    params.push([...filter.eventTypes]);
    conditions.push(`AND type = ANY ($${params.length + 2}::text[])`);
  }
  const text = `WITH head AS (SELECT coalesce(max(global_position), 0) AS head_position FROM events)
SELECT head.head_position, e.* FROM head LEFT JOIN LATERAL (
  SELECT ${EVENT_COLUMNS} FROM events
  WHERE global_position > $1 AND global_position <= head.head_position ${conditions.join(' ')}
  ORDER BY global_position LIMIT $2
) e ON true
ORDER BY e.global_position`;
  return { text, params };
}
