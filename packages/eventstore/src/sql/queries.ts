// The read statements. Each is one statement, so the head it reports and the events it returns come from one
// snapshot; events arrive as one JSON page (see event-row.ts).
import type { EventFilter } from '../event-store.js';
import { eventPageSql } from './event-row.js';

/** A stream's last position and hash. */
export const STREAM_HEAD_SQL =
  'SELECT stream_position, hash FROM events WHERE stream_id = $1 ORDER BY stream_position DESC LIMIT 1';

/** The last global position (0 when the log is empty). */
export const HEAD_POSITION_SQL = 'SELECT coalesce(max(global_position), 0) AS head_position FROM events';

/**
 * Reads a stream ($1) from a position ($2) with a limit ($3): no row means no stream; otherwise one row with
 * the stream's head (`head_version`, `head_hash`) and the `page` of events in range.
 */
export function readStreamSql(direction: 'forwards' | 'backwards'): string {
  const [compare, order] = direction === 'forwards' ? ['>=', 'ASC'] : ['<=', 'DESC'];
  const source = `SELECT * FROM events WHERE stream_id = $1 AND stream_position ${compare} $2
    ORDER BY stream_position ${order} LIMIT $3`;
  return `SELECT h.stream_position AS head_version, h.hash AS head_hash,
  ${eventPageSql(source)} AS page
FROM (SELECT stream_position, hash FROM events WHERE stream_id = $1 ORDER BY stream_position DESC LIMIT 1) h`;
}

/**
 * Reads the log after a position ($1) up to a limit ($2, null for all): one row with `head_position`, how far
 * the log reached in this snapshot (so a reader knows how far it examined even when the filter matched
 * nothing), and the `page` of matching events.
 *
 * A filtered read is one ordered index scan per event type (or category), merged: each branch stops after
 * the limit, so a page costs the same at the start and the end of a long log, whatever the planner believes
 * about the table. (`type = ANY (…) ORDER BY global_position` would fetch every later match and sort it.)
 */
export function readAllSql(filter: EventFilter | undefined): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (value: unknown, type: string) => {
    params.push(value);
    return `$${params.length + 2}::${type}`;
  };
  const types = filter?.eventTypes ? [...new Set(filter.eventTypes)] : null;
  const categories = filter?.categories ? [...new Set(filter.categories)] : null;
  let source = 'SELECT * FROM events WHERE global_position > $1 ORDER BY global_position LIMIT $2';
  if (types || categories) {
    const [column, values] = types ? ['type', types] : ['category', categories!];
    const also = types && categories ? `AND category = ANY (${param(categories, 'text[]')})` : '';
    const branches = values.map(
      (value) => `(SELECT * FROM events WHERE ${column} = ${param(value, 'text')}
      AND global_position > $1 ${also} ORDER BY global_position LIMIT $2)`,
    );
    source =
      branches.length === 0
        ? 'SELECT * FROM events WHERE false'
        : `SELECT * FROM (${branches.join('\n    UNION ALL ')}) picked ORDER BY global_position LIMIT $2`;
  }
  const text = `SELECT (${HEAD_POSITION_SQL}) AS head_position,
  ${eventPageSql(source)} AS page`;
  return { text, params };
}
