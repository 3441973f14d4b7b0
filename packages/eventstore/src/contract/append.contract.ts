// Contract: appending with expected versions, and the typed conflict that carries the actual version.
import { WrongExpectedVersionError } from '../errors.js';
import { freshStorePerTest, freshStream, newEvents, rejection, type EventStoreFactory } from './fixtures.js';

/** Appends with any / no_stream / exact versions. */
export function describeAppendContract(factory: EventStoreFactory): void {
  describe('append with an expected version', () => {
    const fixture = freshStorePerTest(factory);

    it('starts a stream with no_stream and reports where each event went', async () => {
      const { store } = fixture;
      const stream = freshStream();
      const events = newEvents(3);
      const result = await store.append(stream, events, { expectedVersion: 'no_stream' });
      expect(result.duplicate).toBe(false);
      expect(result.streamVersion).toBe(3);
      expect(result.positions.map((p) => p.id)).toEqual(events.map((e) => e.id));
      expect(result.positions.map((p) => p.streamPosition)).toEqual([1, 2, 3]);
      const globals = result.positions.map((p) => p.globalPosition);
      expect(globals[0]).toBeGreaterThanOrEqual(1);
      expect(globals).toEqual([globals[0], globals[0]! + 1, globals[0]! + 2]);
      expect(result.lastGlobalPosition).toBe(globals[2]);
      expect(await store.headPosition()).toBe(result.lastGlobalPosition);
    });

    it('appends at the exact version, with version 0 meaning no stream, and with any', async () => {
      const { store } = fixture;
      const stream = freshStream();
      expect((await store.append(stream, newEvents(2), { expectedVersion: 0 })).streamVersion).toBe(2);
      expect((await store.append(stream, newEvents(1), { expectedVersion: 2 })).streamVersion).toBe(3);
      expect((await store.append(stream, newEvents(2), { expectedVersion: 'any' })).streamVersion).toBe(5);
      expect((await store.append(stream, newEvents(1))).streamVersion).toBe(6);
      expect((await store.readStream(stream)).map((e) => e.streamPosition)).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('puts later appends after earlier ones in the global log', async () => {
      const { store } = fixture;
      const first = await store.append(freshStream(), newEvents(2));
      const second = await store.append(freshStream(), newEvents(2));
      expect(second.positions[0]!.globalPosition).toBeGreaterThan(first.lastGlobalPosition);
    });

    it('refuses no_stream on an existing stream with a typed conflict carrying the actual version', async () => {
      const { store } = fixture;
      const stream = freshStream();
      await store.append(stream, newEvents(2));
      const error = await rejection(store.append(stream, newEvents(1), { expectedVersion: 'no_stream' }));
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({
        code: 'WRONG_EXPECTED_VERSION',
        streamId: stream,
        expected: 'no_stream',
        actual: 2,
      });
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it.each([
      ['behind the stream', 1],
      ['ahead of the stream', 5],
    ])('refuses an exact version %s and writes nothing', async (_case, expectedVersion) => {
      const { store } = fixture;
      const stream = freshStream();
      await store.append(stream, newEvents(2));
      const head = await store.headPosition();
      const error = await rejection(store.append(stream, newEvents(2), { expectedVersion }));
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ expected: expectedVersion, actual: 2 });
      expect(await store.headPosition()).toBe(head);
    });

    it('refuses an exact version on a stream that does not exist, reporting version 0', async () => {
      const { store } = fixture;
      const error = await rejection(store.append(freshStream(), newEvents(1), { expectedVersion: 3 }));
      expect(error).toMatchObject({ code: 'WRONG_EXPECTED_VERSION', actual: 0 });
    });

    it('lets exactly one of two writers at the same version win', async () => {
      const { store } = fixture;
      const stream = freshStream();
      await store.append(stream, newEvents(1));
      const outcomes = await Promise.allSettled([
        store.append(stream, newEvents(2), { expectedVersion: 1 }),
        store.append(stream, newEvents(2), { expectedVersion: 1 }),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const failed = outcomes.find((o) => o.status === 'rejected');
      expect(failed?.reason).toBeInstanceOf(WrongExpectedVersionError);
      expect(failed?.reason).toMatchObject({ actual: 3 });
      expect(await store.readStream(stream)).toHaveLength(3);
    });

    it('lets concurrent writers with any all succeed, each batch contiguous in the stream', async () => {
      const { store } = fixture;
      const stream = freshStream();
      const results = await Promise.all(Array.from({ length: 6 }, () => store.append(stream, newEvents(3))));
      const events = await store.readStream(stream);
      expect(events.map((e) => e.streamPosition)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
      for (const result of results) {
        const positions = result.positions.map((p) => p.streamPosition);
        expect(positions).toEqual([positions[0], positions[0]! + 1, positions[0]! + 2]);
      }
    });
  });
}
