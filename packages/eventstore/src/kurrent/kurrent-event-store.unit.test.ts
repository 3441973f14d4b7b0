// What the adapter decides before it talks to the server: malformed requests are refused with the port's typed
// errors without a round trip (the client below points at a port where nothing listens and is never reached).
import { randomUUID } from 'node:crypto';
import { InvalidEventError } from '../errors.js';
import type { NewEvent } from '../envelope.js';
import { KurrentEventStore } from './kurrent-event-store.js';
import { EVENTS_PER_APPEND } from './positions.js';

const event = (): NewEvent => ({
  id: randomUUID(),
  type: 'OpinionReceived',
  data: {},
  metadata: {
    actorId: 'user-1',
    role: 'station-staff',
    jurisdictionId: null,
    commandId: 'command-1',
    correlationId: 'correlation-1',
    causationId: null,
  },
  occurredAt: '2026-03-01T08:00:00Z',
});

describe('KurrentEventStore before any round trip', () => {
  let store: KurrentEventStore;
  beforeEach(() => {
    store = KurrentEventStore.connect('kurrentdb://127.0.0.1:1?tls=false&defaultDeadline=500', {
      namespace: 'unit_',
    });
  });
  afterEach(() => store.close());

  it.each<[string, () => Promise<unknown>]>([
    ['a malformed stream id', () => store.append('no category', [event()])],
    ['an event without a UUID', () => store.append('opinion-1', [{ ...event(), id: 'x' }])],
    ['no events', () => store.append('opinion-1', [])],
    ['a bad expected version', () => store.append('opinion-1', [event()], { expectedVersion: -2 })],
    [
      `more than ${EVENTS_PER_APPEND} events in one append`,
      () => store.append('opinion-1', Array.from({ length: EVENTS_PER_APPEND + 1 }, event)),
    ],
    ['reading a malformed stream id', () => store.readStream('opinion')],
    [
      'reading in an unknown direction',
      () => store.readStream('opinion-1', { direction: 'up' as 'forwards' }),
    ],
    ['a negative read position', () => store.readAll({ after: -1 })],
  ])('refuses %s with InvalidEventError', async (_case, call) => {
    await expect(call()).rejects.toBeInstanceOf(InvalidEventError);
  });

  it('answers an empty category or type filter with no events', async () => {
    expect(await store.readAll({ filter: { eventTypes: [] } })).toEqual([]);
    expect(await store.readAll({ filter: { categories: [] } })).toEqual([]);
  });

  it('ends a subscription whose signal is already aborted without reading', async () => {
    const batches = [];
    for await (const batch of store.subscribe({ signal: AbortSignal.abort() })) batches.push(batch);
    expect(batches).toEqual([]);
  });

  it('refuses a namespace that cannot prefix stream names', () => {
    expect(() =>
      KurrentEventStore.connect('kurrentdb://127.0.0.1:1?tls=false', { namespace: 'a-b' }),
    ).toThrow(/namespace/);
  });
});
