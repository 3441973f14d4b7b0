// Contract: old event versions are lifted when read, through every read path, while the stored form stays hashed.
import type { RecordedEvent } from '../envelope.js';
import { eventHash } from '../hash-chain.js';
import type { Upcaster } from '../upcasting.js';
import { freshStream, newEvent, subscribeUntil, type EventStoreFactory } from './fixtures.js';

const upcasters: Upcaster[] = [
  // v1 had one free-text address; v2 splits out the district.
  {
    eventType: 'StationOpened',
    fromVersion: 1,
    upcast: (data) => {
      const { address } = data as { address: string };
      return { address, district: address.split(' ')[0] };
    },
  },
];

/** Upcasting on read. */
export function describeUpcastingContract(factory: EventStoreFactory): void {
  describe('upcasting on read', () => {
    it('lifts a stored v1 event to v2 on every read path, leaving its hash that of the stored v1 form', async () => {
      const opened = await factory({ upcasters });
      const { store } = opened;
      try {
        const stream = freshStream('station');
        const v1 = newEvent({ type: 'StationOpened', schemaVersion: 1, data: { address: 'Haidian Road 1' } });
        const v2 = newEvent({
          type: 'StationOpened',
          schemaVersion: 2,
          data: { address: 'Chaoyang Road 2', district: 'Chaoyang' },
        });
        const other = newEvent({ type: 'OpinionReceived', schemaVersion: 1, data: { text: 'hello' } });
        await store.append(stream, [v1, v2, other]);

        const expectUpcast = (events: RecordedEvent[]): void => {
          expect(events.map((e) => [e.schemaVersion, e.data])).toEqual([
            [2, { address: 'Haidian Road 1', district: 'Haidian' }],
            [2, v2.data],
            [1, other.data],
          ]);
          const [lifted, current, untouched] = events as [RecordedEvent, RecordedEvent, RecordedEvent];
          expect(eventHash({ ...lifted, schemaVersion: 1, data: v1.data })).toBe(lifted.hash);
          expect(eventHash(current)).toBe(current.hash);
          expect(eventHash(untouched)).toBe(untouched.hash);
          expect(current.previousHash).toBe(lifted.hash);
        };
        expectUpcast(await store.readStream(stream));
        expectUpcast(await store.readAll());
        const { events } = await subscribeUntil(store, {}, (received) => received.length >= 3);
        expectUpcast(events);
      } finally {
        await opened.dispose();
      }
    });
  });
}
