import { SqlEventStore, type EventStore } from '@liaison/eventstore';
import { MongoReadStore, SqlReadStore, type ReadStore } from '@liaison/readstore';
import { closeStoreTargets, testStoreTargets, type OpenedStores } from '@liaison/testing';
import { MongoClient } from 'mongodb';
import type { Projection } from './projection.js';
import { Projector } from './projector.js';
import { labelEvent, until } from './test-support.js';

type Doc = { id: string; label: string; count: number };

function labels(version: number, suffix: string): Projection<Doc> {
  return {
    name: 'labels',
    version,
    fields: { label: { kind: 'string' }, count: { kind: 'number' } },
    eventTypes: ['Labelled'],
    documentIds: (event) => [event.streamId],
    fold: (document, event, id) => ({
      id,
      label: `${(event.data as { label: string }).label}${suffix}`,
      count: (document?.count ?? 0) + 1,
    }),
  };
}

const labelled = (label: string) => labelEvent('Labelled', label);

afterAll(() => closeStoreTargets());

// Every store combination: read models in SQL beside the events, or in MongoDB when MONGODB_URL is set.
describe.each(testStoreTargets())('Projector on $name', (target) => {
  let stores: OpenedStores;
  let mongo: MongoClient | null = null;
  let events: EventStore;
  let reads: ReadStore;

  beforeEach(async () => {
    stores = await target.open();
    events = await SqlEventStore.open(stores.sql);
    const mongoUrl = stores.env.MONGODB_URL;
    if (mongoUrl) {
      mongo = await new MongoClient(mongoUrl).connect();
      reads = await MongoReadStore.open(mongo.db());
    } else {
      reads = await SqlReadStore.open(stores.sql);
    }
  });
  afterEach(async () => {
    await mongo?.close();
    mongo = null;
    await stores.dispose();
  });

  it('builds a new projection, follows the log live, and reports when a position is reached', async () => {
    await events.append('thing-1', [labelled('a')]);
    const projector = new Projector(events, reads, [labels(1, '')]);
    await projector.start();
    const written = await events.append('thing-2', [labelled('b')]);
    expect(await projector.waitFor(written.lastGlobalPosition, 10_000)).toBe(true);
    expect(await reads.load<Doc>('labels', ['thing-1', 'thing-2'])).toEqual([
      { id: 'thing-1', label: 'a', count: 1 },
      { id: 'thing-2', label: 'b', count: 1 },
    ]);
    expect(await projector.waitFor(written.lastGlobalPosition + 1000, 50)).toBe(false);
    await projector.stop();
  });

  it('rebuilds a changed projection beside the live one and swaps it in, queries served throughout', async () => {
    for (let i = 0; i < 300; i++) await events.append(`thing-${i % 30}`, [labelled(`v${i}`)]);
    const first = new Projector(events, reads, [labels(1, '')], { batchSize: 50 });
    await first.start();
    expect(await first.waitFor(await events.headPosition(), 20_000)).toBe(true);
    await first.stop();
    const oldCollection = await reads.getAlias('labels');

    // version 2 changes the fold; until the rebuild swaps in, queries still see version 1's documents
    const second = new Projector(events, reads, [labels(2, '!')], { batchSize: 10 });
    await second.start();
    const seen = new Set<string>();
    await until(async () => {
      const [doc] = await reads.load<Doc>('labels', ['thing-0']);
      expect(doc).not.toBeNull();
      seen.add(doc!.label.endsWith('!') ? 'new' : 'old');
      return (await reads.getAlias('labels')) !== oldCollection;
    });
    expect(seen.has('old')).toBe(true);
    const [doc] = await reads.load<Doc>('labels', ['thing-0']);
    expect(doc).toEqual({ id: 'thing-0', label: 'v270!', count: 10 });
    expect(await reads.count('labels')).toBe(30);

    // on-demand rebuild of the same version, while writes continue
    const before = await reads.getAlias('labels');
    const writing = (async () => {
      for (let i = 0; i < 20; i++) await events.append('thing-new', [labelled(`n${i}`)]);
    })();
    await second.rebuild('labels');
    await writing;
    expect(await reads.getAlias('labels')).not.toBe(before);
    expect(await second.waitFor(await events.headPosition(), 10_000)).toBe(true);
    expect(await reads.load<Doc>('labels', ['thing-new'])).toEqual([
      { id: 'thing-new', label: 'n19!', count: 20 },
    ]);
    await second.stop();
  });
});
