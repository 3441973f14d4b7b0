// Contract: malformed append requests fail with InvalidEventError and store nothing, not even their valid events.
import type { NewEvent } from '../envelope.js';
import { InvalidEventError, StreamNotFoundError } from '../errors.js';
import { freshStorePerTest, newEvent, rejection, type EventStoreFactory } from './fixtures.js';

const id = '3f0d6a2e-8d3b-4c1a-9e55-0a7c2b1d4e6f';

const invalidRequests: Array<[string, string, () => NewEvent[]]> = [
  ['an id that is not a UUID', 'opinion-1', () => [newEvent(), newEvent({ id: 'opinion-42' })]],
  ['an empty type', 'opinion-1', () => [newEvent(), newEvent({ type: '' })]],
  ['a stream id without a category', 'opinion', () => [newEvent()]],
  ['a stream id with an empty category', '-1', () => [newEvent()]],
  ['a stream id with an empty id part', 'opinion-', () => [newEvent()]],
  ['a stream id whose category has a dot', 'opin.ion-1', () => [newEvent()]],
  ['an unparseable occurredAt', 'opinion-1', () => [newEvent(), newEvent({ occurredAt: 'last Tuesday' })]],
  [
    'an occurredAt that is not on the calendar',
    'opinion-1',
    () => [newEvent({ occurredAt: '2026-02-30T10:00:00Z' })],
  ],
  ['the same id twice', 'opinion-1', () => [newEvent({ id }), newEvent({ id })]],
  ['schemaVersion 0', 'opinion-1', () => [newEvent(), newEvent({ schemaVersion: 0 })]],
  ['"\\u0000" in data', 'opinion-1', () => [newEvent(), newEvent({ data: { text: 'nul \u0000 here' } })]],
  ['no events', 'opinion-1', () => []],
];

/** InvalidEventError for malformed requests, with nothing written. */
export function describeInvalidEventContract(factory: EventStoreFactory): void {
  describe('invalid append requests', () => {
    const fixture = freshStorePerTest(factory);

    it.each(invalidRequests)('refuses %s and writes nothing', async (_case, streamId, events) => {
      const { store } = fixture;
      const error = await rejection(store.append(streamId, events()));
      expect(error).toBeInstanceOf(InvalidEventError);
      expect(error).toMatchObject({ code: 'INVALID_EVENT' });
      expect(await store.headPosition()).toBe(0);
      expect(await store.readAll()).toEqual([]);
    });

    it('refuses reading a malformed stream id', async () => {
      await expect(fixture.store.readStream('no category')).rejects.toBeInstanceOf(InvalidEventError);
    });

    it('says a well-formed stream without events is not found', async () => {
      const error = await rejection(fixture.store.readStream('opinion-missing'));
      expect(error).toBeInstanceOf(StreamNotFoundError);
      expect(error).toMatchObject({ code: 'STREAM_NOT_FOUND', streamId: 'opinion-missing' });
    });
  });
}
