// The port's event filter as a server-side KurrentDB filter on $all plus the exact check applied to what
// the server returns.
import { eventTypeFilter, streamNameFilter, type Filter } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../envelope.js';
import type { EventFilter } from '../event-store.js';
import { escapeRegex, type StreamNames } from './stream-names.js';

/** How the log is read for one port filter. */
export interface LogFilter {
  /** Sent with every read of $all; the server skips what it rejects without sending it. */
  server: Filter;
  /** True when no event can match (an empty category or type list): nothing needs reading. */
  matchesNothing: boolean;
  /** The exact port semantics, checked on every event the server sends (it may send a superset). */
  matches(event: Pick<RecordedEvent, 'category' | 'type'>): boolean;
}

/**
 * Categories become stream-name prefixes (`<namespace><category>-`), event types an anchored regular
 * expression over the event type; the server filters on one of them (categories when both are given), the
 * other is checked here. Without a filter the server still keeps to this store's streams.
 */
export function logFilter(names: StreamNames, filter: EventFilter | undefined): LogFilter {
  const categories = filter?.categories ? [...new Set(filter.categories)] : null;
  const types = filter?.eventTypes ? [...new Set(filter.eventTypes)] : null;
  const categorySet = categories ? new Set(categories) : null;
  const typeSet = types ? new Set(types) : null;
  let server: Filter;
  if (categories && categories.length > 0) {
    server = streamNameFilter({ prefixes: categories.map((category) => names.categoryPrefix(category)) });
  } else if (types && types.length > 0) {
    server = eventTypeFilter({ regex: `^(?:${types.map(escapeRegex).join('|')})$` });
  } else {
    server = streamNameFilter({ regex: names.domainStreamRegex });
  }
  return {
    server,
    matchesNothing: categories?.length === 0 || types?.length === 0,
    matches: (event) =>
      (categorySet === null || categorySet.has(event.category)) &&
      (typeSet === null || typeSet.has(event.type)),
  };
}
