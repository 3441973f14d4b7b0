// Contract: every stream is a hash chain an auditor can recompute from the events as read.
import { GENESIS_HASH, eventHash } from '../hash-chain.js';
import { freshStorePerTest, freshStream, newEvent, newEvents, type EventStoreFactory } from './fixtures.js';

/** previousHash links and recomputable hashes. */
export function describeHashChainContract(factory: EventStoreFactory): void {
  describe('the hash chain', () => {
    const fixture = freshStorePerTest(factory);

    it('links each event of a stream to the one before, starting from the genesis hash', async () => {
      const { store } = fixture;
      const stream = freshStream();
      await store.append(stream, newEvents(2), { expectedVersion: 'no_stream' });
      await store.append(freshStream(), newEvents(3));
      await store.append(stream, newEvents(1), { expectedVersion: 2 });
      await store.append(stream, newEvents(3));
      const events = await store.readStream(stream);
      expect(events).toHaveLength(6);
      expect(events[0]!.previousHash).toBe(GENESIS_HASH);
      for (let i = 1; i < events.length; i++) expect(events[i]!.previousHash).toBe(events[i - 1]!.hash);
    });

    it('stores hashes that recompute from the events as read, whatever the data holds', async () => {
      const { store } = fixture;
      const stream = freshStream();
      const awkward = [
        { text: '代表联络站 — “quotes”, \\ back\\slash, emoji 😀, \u2028 separator', empty: '' },
        {
          numbers: [0, -1, 1.5, 1e21, 1e-7, 123456789.123, Number.MAX_SAFE_INTEGER],
          nested: { z: { y: [null, true, false] } },
        },
        { '\u20ac': 1, '1': 2, a: { b: 'c' }, b: [] },
        'just a string',
        [1, 'two', { three: 3 }],
        null,
      ];
      await store.append(
        stream,
        awkward.map((data) => newEvent({ data })),
      );
      await store.append(stream, [
        newEvent({ occurredAt: '2026-06-01T23:59:59.999-05:30', schemaVersion: 2 }),
      ]);
      const events = await store.readStream(stream);
      expect(events.map((e) => e.data)).toEqual([
        ...awkward.map((d) => JSON.parse(JSON.stringify(d)) as unknown),
        expect.anything(),
      ]);
      for (const event of events) expect(eventHash(event)).toBe(event.hash);
      for (const event of await store.readAll()) expect(eventHash(event)).toBe(event.hash);
    });

    it('gives every event a distinct hash, even with equal content', async () => {
      const { store } = fixture;
      const stream = freshStream();
      await store.append(stream, newEvents(3, { data: { same: true } }));
      const hashes = new Set((await store.readStream(stream)).map((e) => e.hash));
      expect(hashes.size).toBe(3);
    });
  });
}
