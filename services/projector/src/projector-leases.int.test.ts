import { SqlEventStore, type EventStore, type RecordedEvent } from '@liaison/eventstore';
import type { ReadStore } from '@liaison/readstore';
import { closeStoreTargets, testStoreTargets } from '@liaison/testing';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { Projector } from './projector.js';
import { labelEvent, processStores, until } from './test-support.js';

/** A document listing every label folded into it, in order: any event folded twice or lost shows. */
type Trail = { id: string; labels: string[] };

/** Projection `name` of the Noted events, counting in `folds` how often this process folded each event. */
function trail(name: string, folds: Map<string, number>): Projection<Trail> {
  return {
    name,
    version: 1,
    fields: {},
    eventTypes: ['Noted'],
    documentIds: (event) => [event.streamId],
    fold: (document, event, id) => {
      const key = `${name}/${event.id}`;
      folds.set(key, (folds.get(key) ?? 0) + 1);
      return { id, labels: [...(document?.labels ?? []), (event.data as { label: string }).label] };
    },
  };
}

const NAMES = ['trail_a', 'trail_b', 'trail_c', 'trail_d'];
// Long enough that a loaded test machine renews in time: a lease that ran out would be taken over (correctly,
// but then a refused batch is folded again by the new holder, which the fold counts below would report).
const LEASE_MS = 4000;

const noted = (label: string) => labelEvent('Noted', label);

/** The documents a clean rebuild gives: every stream's labels in log order. */
function expected(log: readonly RecordedEvent[]): Trail[] {
  const byStream = new Map<string, string[]>();
  for (const event of log) {
    byStream.set(event.streamId, [
      ...(byStream.get(event.streamId) ?? []),
      (event.data as { label: string }).label,
    ]);
  }
  return [...byStream].map(([id, labels]) => ({ id, labels })).sort((a, b) => (a.id < b.id ? -1 : 1));
}

afterAll(() => closeStoreTargets());

// Two projector processes (each its own read store connection) share the projections of one set of stores.
describe.each(testStoreTargets())('Projectors sharing projections by lease on $name', (target) => {
  const shared = processStores(target);
  const { readStore } = shared;
  let events: EventStore;

  async function append(count: number, from = 0): Promise<void> {
    for (let i = from; i < from + count; i++) await events.append(`thing-${i % 7}`, [noted(`n${i}`)]);
  }

  async function documents(reads: ReadStore, name: string): Promise<Trail[]> {
    return (await reads.find<Trail>(name, { first: 1000 })).items;
  }

  beforeEach(async () => {
    events = await SqlEventStore.open(shared.stores.sql);
  });

  it('runs each projection in exactly one process, and the survivor takes over a dead one’s and matches a clean rebuild', async () => {
    await append(40);
    const foldsA = new Map<string, number>();
    const foldsB = new Map<string, number>();
    const readsA = await readStore();
    const readsB = await readStore();
    const a = new Projector(
      events,
      readsA,
      NAMES.map((name) => trail(name, foldsA)),
      {
        batchSize: 7,
        lease: { holder: 'projector-a', durationMs: LEASE_MS },
      },
    );
    const b = new Projector(
      events,
      readsB,
      NAMES.map((name) => trail(name, foldsB)),
      {
        batchSize: 7,
        lease: { holder: 'projector-b', durationMs: LEASE_MS },
      },
    );
    // Started together: the leases decide who runs what.
    await Promise.all([a.start(), b.start()]);
    await append(30, 40);
    const head = await events.headPosition();
    expect(await a.waitFor(head, 30_000)).toBe(true);
    expect(await b.waitFor(head, 30_000)).toBe(true);

    const held = (projector: Projector) =>
      projector
        .status()
        .filter((status) => status.collection !== null)
        .map((status) => status.name);
    await until(() => [...held(a), ...held(b)].sort().join() === NAMES.join());
    // Each projection's events were folded by one process or the other, never by both (a process may fold a
    // batch again itself after a failed pass), and each event's effect landed once: a clean rebuild's documents.
    const log = await events.readAll({ after: 0, maxCount: 1000 });
    for (const name of NAMES) {
      const folders = new Set(
        log.flatMap((event) => {
          const key = `${name}/${event.id}`;
          expect((foldsA.get(key) ?? 0) + (foldsB.get(key) ?? 0)).toBeGreaterThan(0);
          return [...(foldsA.has(key) ? ['a'] : []), ...(foldsB.has(key) ? ['b'] : [])];
        }),
      );
      expect(folders.size).toBe(1);
      expect(await documents(readsA, name)).toEqual(expected(log));
    }

    // A dies without letting go: it can no longer reach the read store, its leases run out, B takes over.
    const dead = held(a).length > 0 ? a : b;
    const survivor = dead === a ? b : a;
    const deadReads = dead === a ? readsA : readsB;
    expect(held(dead).length).toBeGreaterThan(0);
    await deadReads.close();
    await append(30, 70);
    await until(() => held(survivor).length === NAMES.length);
    const end = await events.headPosition();
    expect(await survivor.waitFor(end, 30_000)).toBe(true);
    const all = await events.readAll({ after: 0, maxCount: 1000 });
    const clean = expected(all);
    const reads = dead === a ? readsB : readsA;
    for (const name of NAMES) expect(await documents(reads, name)).toEqual(clean);
    await dead.stop();
    await survivor.stop();
  }, 120_000);

  it('lets go of the lease of a projection it cannot start, so that it is tried again', async () => {
    const reads = await readStore();
    // A name too long for any adapter's collection names: creating its collection fails.
    const broken = trail(`trail_${'x'.repeat(130)}`, new Map());
    const errors: unknown[] = [];
    const projector = new Projector(events, reads, [broken, trail('trail_a', new Map())], {
      lease: { holder: 'projector-a', durationMs: 60_000 },
      logger: { info: () => undefined, error: (entry: unknown) => errors.push(entry) } as never,
    });
    await projector.start();
    expect(errors.length).toBeGreaterThan(0);
    expect(projector.status().map((status) => [status.name, status.collection !== null])).toEqual([
      [broken.name, false],
      ['trail_a', true],
    ]);
    expect(await reads.acquireLease(`projection:${broken.name}`, 'projector-b', 1000)).toMatchObject({
      holder: 'projector-b',
    });
    expect(await reads.acquireLease('projection:trail_a', 'projector-b', 1000)).toBeNull();
    await projector.stop();
  });

  it('a holder whose lease was taken over cannot write: its fenced commit is refused and its runner stops', async () => {
    await append(10);
    const reads = await readStore();
    const projection = trail('trail_a', new Map());
    await reads.createCollection('trail_a__v1_x', { name: 'trail_a', fields: {} });
    const stale = (await reads.acquireLease('projection:trail_a', 'projector-a', 50))!;
    await new Promise((resolve) => setTimeout(resolve, 150));
    const taken = await reads.acquireLease('projection:trail_a', 'projector-b', 60_000);
    expect(taken?.token).toBeGreaterThan(stale.token);

    let lost = 0;
    const errors: unknown[] = [];
    const runner = new ProjectionRunner(events, reads, projection, 'trail_a__v1_x', {
      fence: { lease: stale.name, holder: stale.holder, token: stale.token },
      onLeaseLost: () => (lost += 1),
      onError: (error) => errors.push(error),
    });
    await runner.start(); // settles when the runner stops: on the refused commit
    expect(lost).toBe(1);
    expect(errors).toEqual([]);
    expect(runner.position).toBe(0);
    expect(await reads.getCheckpoint('trail_a__v1_x')).toBe(0);
    expect((await reads.getMany('trail_a__v1_x', ['thing-0', 'thing-1'])).size).toBe(0);
  });
});
