// Contract: catch-up subscriptions that continue live, filter, and end cleanly when aborted.
import type { EventFilter } from '../event-store.js';
import {
  freshStorePerTest,
  freshStream,
  newEvent,
  newEvents,
  sleep,
  subscribeUntil,
  type EventStoreFactory,
} from './fixtures.js';

/** subscribe(): catch-up, live continuation, filters and abort. */
export function describeSubscriptionContract(factory: EventStoreFactory): void {
  describe('subscribe', () => {
    const fixture = freshStorePerTest(factory);

    it('catches up after a position in batches, continues live, and ends when aborted', async () => {
      const { store } = fixture;
      const stream = freshStream();
      await store.append(stream, newEvents(5));
      const stored = await store.readAll();
      const live = newEvents(3);

      const run = subscribeUntil(
        store,
        { after: stored[0]!.globalPosition, batchSize: 2 },
        (events) => events.length >= 7,
      );
      await sleep(50);
      await store.append(stream, live.slice(0, 1));
      await store.append(freshStream(), live.slice(1));
      const { events, batches, timedOut } = await run;

      expect(timedOut).toBe(false);
      expect(events.map((e) => e.id)).toEqual([
        ...stored.slice(1).map((e) => e.id),
        ...live.map((e) => e.id),
      ]);
      expect(batches.every((b) => b.events.length <= 2)).toBe(true);
      for (const batch of batches) {
        const last = batch.events[batch.events.length - 1];
        if (last) expect(batch.position).toBeGreaterThanOrEqual(last.globalPosition);
      }
      expect(events).toEqual(await store.readAll({ after: stored[0]!.globalPosition }));
    });

    it('ends promptly when aborted while waiting for new events', async () => {
      const { store } = fixture;
      await store.append(freshStream(), newEvents(2));
      const controller = new AbortController();
      let delivered = 0;
      const consuming = (async () => {
        for await (const batch of store.subscribe({ signal: controller.signal }))
          delivered += batch.events.length;
      })();
      await sleep(200);
      const abortedAt = Date.now();
      controller.abort();
      await consuming;
      expect(Date.now() - abortedAt).toBeLessThan(1000);
      expect(delivered).toBe(2);
    });

    it('ends at once for a signal that is already aborted', async () => {
      const { store } = fixture;
      await store.append(freshStream(), newEvents(1));
      const batches = [];
      for await (const batch of store.subscribe({ signal: AbortSignal.abort() })) batches.push(batch);
      expect(batches).toEqual([]);
    });

    const filters: Array<[string, EventFilter]> = [
      ['category', { categories: ['opinion'] }],
      ['event types', { eventTypes: ['OpinionReceived', 'OpinionTagged'] }],
    ];
    it.each(filters)(
      'delivers only events of the %s filter, while its position passes the others',
      async (_name, filter) => {
        const { store } = fixture;
        const opinion = freshStream('opinion');
        const station = freshStream('station');
        const early = [newEvent({ type: 'OpinionReceived' }), newEvent({ type: 'OpinionTagged' })];
        await store.append(opinion, early.slice(0, 1));
        await store.append(station, [newEvent({ type: 'StationOpened' })]);
        await store.append(opinion, early.slice(1));
        await store.append(station, newEvents(2, { type: 'StationOpened' }));
        const caughtUpTo = await store.headPosition();
        const late = newEvent({ type: 'OpinionReceived' });

        let markCaughtUp = (): void => undefined;
        const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));
        const run = subscribeUntil(store, { filter, batchSize: 1 }, (events, position) => {
          if (position >= caughtUpTo) markCaughtUp();
          return events.some((e) => e.id === late.id);
        });
        await Promise.race([caughtUp, run]);
        await store.append(station, [newEvent({ type: 'StationOpened' })]);
        await store.append(opinion, [late]);
        const { events, batches, timedOut } = await run;

        expect(timedOut).toBe(false);
        expect(events.map((e) => e.id)).toEqual([...early, late].map((e) => e.id));
        // The events after the last match were examined too, so a checkpoint can move past them.
        expect(batches.some((b) => b.position === caughtUpTo)).toBe(true);
        const positions = batches.map((b) => b.position);
        for (let i = 1; i < positions.length; i++) expect(positions[i]).toBeGreaterThan(positions[i - 1]!);
      },
    );
  });
}
