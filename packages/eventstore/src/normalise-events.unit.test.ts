import type { NewEvent } from './envelope.js';
import { InvalidEventError } from './errors.js';
import { assertStreamId, normaliseEvents } from './normalise-events.js';

function newEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: '0000000A-0000-4000-8000-000000000001',
    type: 'OpinionReceived',
    data: { text: 'more buses' },
    metadata: {
      actorId: 'u1',
      role: 'voter',
      jurisdictionId: null,
      commandId: 'c1',
      correlationId: 'c1',
      causationId: null,
    },
    occurredAt: '2026-03-01T08:00:00.123456+08:00',
    ...overrides,
  };
}

function rejects(streamId: string, events: NewEvent[]): InvalidEventError {
  try {
    normaliseEvents(streamId, events);
  } catch (error) {
    if (error instanceof InvalidEventError) return error;
    throw error;
  }
  throw new Error('expected InvalidEventError, but the events were accepted');
}

describe('normaliseEvents', () => {
  it('returns exactly the stored form: lower-case id, version 1 by default, JSON data, UTC milliseconds', () => {
    const when = new Date('2026-01-01T00:00:00Z');
    const [event] = normaliseEvents('opinion-1', [
      newEvent({ data: { when, gone: undefined, n: Number.NaN, list: [undefined] } }),
    ]);
    expect(event).toEqual({
      id: '0000000a-0000-4000-8000-000000000001',
      type: 'OpinionReceived',
      schemaVersion: 1,
      data: { when: '2026-01-01T00:00:00.000Z', n: null, list: [null] },
      metadata: newEvent().metadata,
      occurredAt: '2026-03-01T00:00:00.123Z',
    });
  });

  it('accepts stream ids whose id part has dashes and any non-control characters', () => {
    expect(() => assertStreamId('opinion-2f1c-44aa')).not.toThrow();
    expect(() => assertStreamId('station_roster-北京-1')).not.toThrow();
  });

  it.each([
    ['no dash', 'opinion'],
    ['an empty category', '-1'],
    ['an empty id', 'opinion-'],
    ['a category with a dot', 'op.inion-1'],
    ['a control character', 'opinion-1\u0000'],
  ])('rejects a stream id with %s', (_case, streamId) => {
    expect(rejects(streamId, [newEvent()]).message).toContain('stream id');
  });

  it.each<[string, Partial<NewEvent>, string]>([
    ['a non-UUID id', { id: 'not-a-uuid' }, 'UUID'],
    ['an empty type', { type: '' }, 'type'],
    ['schemaVersion 0', { schemaVersion: 0 }, 'schemaVersion'],
    ['a fractional schemaVersion', { schemaVersion: 1.5 }, 'schemaVersion'],
    ['"\\u0000" in data', { data: { text: 'a\u0000b' } }, 'u0000'],
    ['"\\u0000" in a data key', { data: { ['a\u0000']: 1 } }, 'u0000'],
    ['an unpaired surrogate in data', { data: ['\ud800x'] }, 'surrogates'],
    ['undefined data', { data: undefined }, 'JSON value'],
    ['bigint data', { data: { n: 1n } }, 'JSON-serialisable'],
    ['metadata that is not an object', { metadata: [] as unknown as NewEvent['metadata'] }, 'metadata'],
    ['an unparseable time', { occurredAt: 'yesterday' }, 'occurredAt'],
    ['a time without offset', { occurredAt: '2026-01-01T00:00:00' }, 'occurredAt'],
    ['a day that does not exist', { occurredAt: '2026-02-30T00:00:00Z' }, 'occurredAt'],
  ])('rejects an event with %s', (_case, overrides, phrase) => {
    expect(rejects('opinion-1', [newEvent(overrides)]).message).toContain(phrase);
  });

  it('keeps literal backslashes before "u0000" in data', () => {
    const [event] = normaliseEvents('opinion-1', [newEvent({ data: { text: 'C:\\u0000' } })]);
    expect(event!.data).toEqual({ text: 'C:\\u0000' });
  });

  it('rejects an empty request and the same id twice in one request', () => {
    expect(rejects('opinion-1', []).message).toContain('at least one event');
    const twice = rejects('opinion-1', [
      newEvent(),
      newEvent({ id: '0000000a-0000-4000-8000-000000000001' }),
    ]);
    expect(twice.message).toContain('distinct event ids');
  });
});
