// Contract: reading one stream and the global log, and the envelope coming back as it was written.
import { StreamNotFoundError } from '../errors.js';
import {
  freshStorePerTest,
  freshStream,
  metadata,
  newEvent,
  newEvents,
  rejection,
  type EventStoreFactory,
} from './fixtures.js';

/** readStream, readAll, headPosition and the envelope round trip. */
export function describeReadContract(factory: EventStoreFactory): void {
  describe('readStream', () => {
    const fixture = freshStorePerTest(factory);

    async function streamOfFive(): Promise<string> {
      const stream = freshStream();
      await fixture.store.append(stream, newEvents(3));
      await fixture.store.append(freshStream(), newEvents(2));
      await fixture.store.append(stream, newEvents(2));
      return stream;
    }
    const positions = (events: Array<{ streamPosition: number }>): number[] =>
      events.map((e) => e.streamPosition);

    it('reads forwards from the start by default', async () => {
      const stream = await streamOfFive();
      const events = await fixture.store.readStream(stream);
      expect(positions(events)).toEqual([1, 2, 3, 4, 5]);
      expect(events.every((e) => e.streamId === stream)).toBe(true);
      const globals = events.map((e) => e.globalPosition);
      expect(globals).toEqual([...globals].sort((a, b) => a - b));
    });

    it('reads backwards from the end', async () => {
      const stream = await streamOfFive();
      expect(positions(await fixture.store.readStream(stream, { direction: 'backwards' }))).toEqual([
        5, 4, 3, 2, 1,
      ]);
    });

    it('reads from a position (inclusive) with at most maxCount events, either way', async () => {
      const { store } = fixture;
      const stream = await streamOfFive();
      expect(positions(await store.readStream(stream, { fromPosition: 3 }))).toEqual([3, 4, 5]);
      expect(positions(await store.readStream(stream, { fromPosition: 2, maxCount: 2 }))).toEqual([2, 3]);
      expect(positions(await store.readStream(stream, { direction: 'backwards', fromPosition: 3 }))).toEqual([
        3, 2, 1,
      ]);
      expect(positions(await store.readStream(stream, { direction: 'backwards', maxCount: 2 }))).toEqual([
        5, 4,
      ]);
    });

    it('returns [] for a position past the end of an existing stream', async () => {
      const stream = await streamOfFive();
      expect(await fixture.store.readStream(stream, { fromPosition: 6 })).toEqual([]);
    });

    it('throws StreamNotFoundError for a stream without events', async () => {
      const stream = freshStream();
      await fixture.store.append(freshStream(), newEvents(1));
      const error = await rejection(fixture.store.readStream(stream));
      expect(error).toBeInstanceOf(StreamNotFoundError);
      expect(error).toMatchObject({ streamId: stream });
    });
  });

  describe('readAll and headPosition', () => {
    const fixture = freshStorePerTest(factory);

    async function mixedLog(): Promise<void> {
      const { store } = fixture;
      await store.append(freshStream('opinion'), [
        newEvent({ type: 'OpinionReceived' }),
        newEvent({ type: 'OpinionTagged' }),
      ]);
      await store.append(freshStream('suggestion'), [newEvent({ type: 'SuggestionMade' })]);
      await store.append(freshStream('opinion'), [newEvent({ type: 'OpinionReceived' })]);
      await store.append(freshStream('station'), [
        newEvent({ type: 'StationOpened' }),
        newEvent({ type: 'OpinionTagged' }),
      ]);
    }

    it('reads an empty log as [] at head position 0', async () => {
      expect(await fixture.store.readAll()).toEqual([]);
      expect(await fixture.store.headPosition()).toBe(0);
    });

    it('reads every event in strictly increasing global order, ending at the head position', async () => {
      await mixedLog();
      const events = await fixture.store.readAll();
      expect(events).toHaveLength(6);
      const globals = events.map((e) => e.globalPosition);
      for (let i = 1; i < globals.length; i++) expect(globals[i]).toBeGreaterThan(globals[i - 1]!);
      expect(await fixture.store.headPosition()).toBe(globals[5]);
    });

    it('reads after a position with at most maxCount events', async () => {
      await mixedLog();
      const all = await fixture.store.readAll();
      const page = await fixture.store.readAll({ after: all[1]!.globalPosition, maxCount: 3 });
      expect(page.map((e) => e.id)).toEqual(all.slice(2, 5).map((e) => e.id));
      expect(await fixture.store.readAll({ after: all[5]!.globalPosition })).toEqual([]);
    });

    it('filters by category, by event type, and by both', async () => {
      const { store } = fixture;
      await mixedLog();
      const types = (events: Array<{ type: string; category: string }>) =>
        events.map((e) => `${e.category}:${e.type}`);
      expect(types(await store.readAll({ filter: { categories: ['opinion'] } }))).toEqual([
        'opinion:OpinionReceived',
        'opinion:OpinionTagged',
        'opinion:OpinionReceived',
      ]);
      expect(
        types(await store.readAll({ filter: { eventTypes: ['OpinionTagged', 'SuggestionMade'] } })),
      ).toEqual(['opinion:OpinionTagged', 'suggestion:SuggestionMade', 'station:OpinionTagged']);
      expect(
        types(
          await store.readAll({
            filter: { categories: ['station', 'suggestion'], eventTypes: ['OpinionTagged'] },
          }),
        ),
      ).toEqual(['station:OpinionTagged']);
      expect(types(await store.readAll({ filter: { categories: ['opinion'] }, maxCount: 2 }))).toHaveLength(
        2,
      );
    });
  });

  describe('the envelope', () => {
    const fixture = freshStorePerTest(factory);

    it('comes back as written, with positions, category, UTC times and the record time', async () => {
      const { store } = fixture;
      const stream = 'station_roster-7f3c-2026';
      const written = newEvent({
        type: 'DeputyRostered',
        schemaVersion: 3,
        data: { deputy: '王芳', slots: [{ day: 'Mon', hours: [9, 12.5] }], note: null, flag: true },
        metadata: { ...metadata, causationId: 'event-9', jurisdictionId: null },
        occurredAt: '2026-03-01T08:30:00.250+08:00',
      });
      const before = Date.now();
      const result = await store.append(stream, [written]);
      const after = Date.now();
      const [read] = await store.readStream(stream);
      expect(read).toMatchObject({
        id: written.id,
        type: 'DeputyRostered',
        schemaVersion: 3,
        streamId: stream,
        category: 'station_roster',
        streamPosition: 1,
        globalPosition: result.lastGlobalPosition,
        data: written.data,
        metadata: written.metadata,
        occurredAt: '2026-03-01T00:30:00.250Z',
      });
      expect(read!.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Date.parse(read!.recordedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(read!.recordedAt)).toBeLessThanOrEqual(after + 1000);
      expect((await store.readAll())[0]).toEqual(read);
    });

    it('defaults the schema version to 1', async () => {
      const stream = freshStream();
      const { schemaVersion: _omitted, ...withoutVersion } = newEvent();
      await fixture.store.append(stream, [withoutVersion]);
      expect((await fixture.store.readStream(stream))[0]!.schemaVersion).toBe(1);
    });
  });
}
