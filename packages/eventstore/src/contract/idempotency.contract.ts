// Contract: re-sent appends (same event ids) store nothing new and answer with the original positions.
import { InvalidEventError } from '../errors.js';
import { freshStorePerTest, freshStream, newEvents, rejection, type EventStoreFactory } from './fixtures.js';

/** Idempotent appends by event id. */
export function describeIdempotencyContract(factory: EventStoreFactory): void {
  describe('idempotent append', () => {
    const fixture = freshStorePerTest(factory);

    it('answers a re-sent append with the original positions and appends nothing', async () => {
      const { store } = fixture;
      const stream = freshStream();
      const events = newEvents(3);
      const original = await store.append(stream, events, { expectedVersion: 'no_stream' });
      await store.append(freshStream(), newEvents(2));
      const head = await store.headPosition();

      // The same request again, even with its now-outdated expected version, is recognised, not a conflict.
      const again = await store.append(stream, events, { expectedVersion: 'no_stream' });
      expect(again).toEqual({ ...original, duplicate: true });
      expect(await store.append(stream, events)).toEqual({ ...original, duplicate: true });
      expect(await store.headPosition()).toBe(head);
      expect(await store.readStream(stream)).toHaveLength(3);
    });

    it('answers a re-sent subset in request order', async () => {
      const { store } = fixture;
      const stream = freshStream();
      const events = newEvents(3);
      const original = await store.append(stream, events);
      const again = await store.append(stream, [events[2]!, events[0]!]);
      expect(again.duplicate).toBe(true);
      expect(again.positions).toEqual([original.positions[2], original.positions[0]]);
      expect(again.lastGlobalPosition).toBe(original.positions[0]!.globalPosition);
    });

    it('stores concurrent copies of one append once', async () => {
      const { store } = fixture;
      const stream = freshStream();
      const events = newEvents(4);
      const results = await Promise.all(Array.from({ length: 6 }, () => store.append(stream, events)));
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      for (const result of results) expect(result.positions).toEqual(results[0]!.positions);
      expect((await store.readStream(stream)).map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect(await store.readAll()).toHaveLength(4);
    });

    it('refuses an append where only some ids are stored already, writing nothing', async () => {
      const { store } = fixture;
      const stream = freshStream();
      const [stored, fresh] = [newEvents(2), newEvents(1)];
      await store.append(stream, stored);
      const error = await rejection(store.append(stream, [...stored, ...fresh]));
      expect(error).toBeInstanceOf(InvalidEventError);
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('refuses ids already stored in another stream, writing nothing', async () => {
      const { store } = fixture;
      const events = newEvents(2);
      await store.append(freshStream(), events);
      const other = freshStream();
      const error = await rejection(store.append(other, events));
      expect(error).toBeInstanceOf(InvalidEventError);
      expect(await store.readAll()).toHaveLength(2);
    });
  });
}
