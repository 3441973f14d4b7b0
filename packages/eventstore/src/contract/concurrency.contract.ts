// Contract: concurrent writers and a live subscriber; no event is skipped, repeated or delivered out of order.
import type { RecordedEvent } from '../envelope.js';
import type { EventStore, ExpectedVersion } from '../event-store.js';
import { freshStorePerTest, newEvents, subscribeUntil, type EventStoreFactory } from './fixtures.js';

const WRITERS = 8;
const TOTAL_EVENTS = 10_000;
const STREAMS_PER_WRITER = 25;
const BATCH_SIZES = [1, 3, 7, 20, 2, 50, 5, 12, 1, 30];

/** One writer: appends its share to its own streams in mixed batch sizes, alternating exact and any versions. */
async function write(store: EventStore, writer: number, share: number): Promise<string[]> {
  const versions = new Array<number>(STREAMS_PER_WRITER).fill(0);
  const ids: string[] = [];
  for (let round = 0; ids.length < share; round++) {
    const size = Math.min(BATCH_SIZES[(round + writer) % BATCH_SIZES.length]!, share - ids.length);
    const slot = (round * 7 + writer) % STREAMS_PER_WRITER;
    const expectedVersion: ExpectedVersion = round % 3 === 0 ? 'any' : versions[slot]!;
    const events = newEvents(size, { type: round % 2 === 0 ? 'OpinionReceived' : 'OpinionTagged' });
    const result = await store.append(`load${writer}-${slot}`, events, { expectedVersion });
    versions[slot] = result.streamVersion;
    ids.push(...events.map((e) => e.id));
  }
  return ids;
}

/** The required test: commit order is delivery order, under concurrent writers. */
export function describeConcurrencyContract(factory: EventStoreFactory): void {
  describe('concurrent writers and a live subscriber', () => {
    const fixture = freshStorePerTest(factory);

    it(`delivers all ${TOTAL_EVENTS} events of ${WRITERS} concurrent writers exactly once, in strictly increasing global order`, async () => {
      const { store } = fixture;
      let expected = Number.POSITIVE_INFINITY;
      const subscription = subscribeUntil(
        store,
        { batchSize: 250 },
        (events) => events.length >= expected,
        50_000,
      );

      const written = (
        await Promise.all(Array.from({ length: WRITERS }, (_, w) => write(store, w, TOTAL_EVENTS / WRITERS)))
      ).flat();
      // The subscriber may already have everything: one more append, after all others, ends its wait.
      const marker = newEvents(1);
      expected = written.length + 1;
      await store.append('marker-1', marker);
      const { events, timedOut } = await subscription;

      expect(timedOut).toBe(false);
      expect(events).toHaveLength(TOTAL_EVENTS + 1);
      const ids = events.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(new Set([...written, marker[0]!.id]));
      expectStrictlyIncreasing(events);
      expect(events[events.length - 1]!.id).toBe(marker[0]!.id);

      const all = await store.readAll();
      expect(all.map((e) => e.id)).toEqual(ids);
      expect(all.map((e) => e.globalPosition)).toEqual(events.map((e) => e.globalPosition));
    });
  });
}

function expectStrictlyIncreasing(events: RecordedEvent[]): void {
  const backwards = events.findIndex((e, i) => i > 0 && e.globalPosition <= events[i - 1]!.globalPosition);
  expect(backwards).toBe(-1);
}
