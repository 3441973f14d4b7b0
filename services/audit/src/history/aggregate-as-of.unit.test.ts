// An aggregate as of a moment: given its recorded events, folding stops at the moment.
import type { Decider } from '@liaison/decider';
import type { RecordedEvent } from '@liaison/eventstore';
import { aggregateAsOf } from './aggregate-as-of.js';

type Counted = { type: 'Counted'; data: { by: number } };
const counter: Decider<{ total: number }, never, Counted> = {
  initialState: () => ({ total: 0 }),
  decide: () => [],
  evolve: (state, event) => ({ total: state.total + event.data.by }),
};

const recorded = (streamPosition: number, recordedAt: string, by: number) =>
  ({
    type: 'Counted',
    data: { by },
    streamPosition,
    globalPosition: streamPosition * 10,
    recordedAt,
  }) as unknown as RecordedEvent;

describe('aggregateAsOf', () => {
  const events = [
    recorded(1, '2026-01-01T00:00:00.000Z', 1),
    recorded(2, '2026-01-02T00:00:00.000Z', 10),
    recorded(3, '2026-01-03T00:00:00.000Z', 100),
  ];

  it('folds the events recorded up to and including the moment', () => {
    expect(aggregateAsOf(counter, events, '2026-01-02T00:00:00.000Z')).toEqual({
      state: { total: 11 },
      version: 2,
      globalPosition: 20,
      lastRecordedAt: '2026-01-02T00:00:00.000Z',
    });
    expect(aggregateAsOf(counter, events, '2027-01-01T00:00:00.000Z').state).toEqual({ total: 111 });
  });

  it('gives the initial state before the first event', () => {
    expect(aggregateAsOf(counter, events, '2025-12-31T23:59:59.999Z')).toEqual({
      state: { total: 0 },
      version: 0,
      globalPosition: null,
      lastRecordedAt: null,
    });
  });
});
