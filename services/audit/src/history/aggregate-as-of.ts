// An aggregate as it stood at a moment: its stream's events up to then, folded with its slice's evolve.
import type { Decider, DomainEvent } from '@liaison/decider';
import type { RecordedEvent } from '@liaison/eventstore';

/** The deciders of every slice, by stream category (the composition root lists them). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each slice has its own state, command and event types
export type DeciderRegistry = Readonly<Record<string, Decider<any, any, any>>>;

export interface AggregateAsOf {
  /** The state after the last event recorded at or before the moment. */
  state: unknown;
  /** The stream position of that event (0: the aggregate did not exist yet). */
  version: number;
  /** Its global position, or null. */
  globalPosition: number | null;
  /** Its record time, or null. */
  lastRecordedAt: string | null;
}

/** Folds the events recorded at or before `asOf` (ISO-8601) with `decider.evolve`; pure. */
export function aggregateAsOf(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see DeciderRegistry
  decider: Decider<any, any, any>,
  events: readonly RecordedEvent[],
  asOf: string,
): AggregateAsOf {
  const moment = Date.parse(asOf);
  let state: unknown = decider.initialState();
  let last: RecordedEvent | null = null;
  for (const event of events) {
    if (Date.parse(event.recordedAt) > moment) break;
    state = decider.evolve(state, { type: event.type, data: event.data } satisfies DomainEvent);
    last = event;
  }
  return {
    state,
    version: last?.streamPosition ?? 0,
    globalPosition: last?.globalPosition ?? null,
    lastRecordedAt: last?.recordedAt ?? null,
  };
}
