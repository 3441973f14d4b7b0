import { SqlEventStore, type NewEvent } from '@liaison/eventstore';
import { SqlReadStore } from '@liaison/readstore';
import { testSqlTargets } from '@liaison/testing';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';

type Count = { id: string; count: number };

const counts: Projection<Count> = {
  name: 'counts',
  version: 1,
  fields: { count: { kind: 'number' } },
  eventTypes: ['Counted'],
  documentIds: (event) => [event.streamId],
  fold: (document, _event, id) => ({ id, count: (document?.count ?? 0) + 1 }),
};

const counted = (): NewEvent => ({
  id: crypto.randomUUID(),
  type: 'Counted',
  data: {},
  occurredAt: new Date().toISOString(),
  metadata: {
    actorId: 'a',
    role: 'system',
    jurisdictionId: null,
    commandId: crypto.randomUUID(),
    correlationId: 'c',
    causationId: null,
  },
});

describe.each(testSqlTargets())('ProjectionRunner on $name', (target) => {
  it('folds batches that touch more documents than its cache holds', async () => {
    const sql = await target.open();
    try {
      const events = await SqlEventStore.open(sql);
      const reads = await SqlReadStore.open(sql);
      const streams = Array.from({ length: 8 }, (_, i) => `counter-${i}`);
      for (let round = 0; round < 3; round++) {
        for (const stream of streams) await events.append(stream, [counted()]);
      }
      await reads.createCollection('counts__v1_0', { name: 'counts', fields: counts.fields });
      const runner = new ProjectionRunner(events, reads, counts, 'counts__v1_0', {
        batchSize: 12,
        cacheSize: 3,
      });
      void runner.start();
      const head = await events.headPosition();
      while (runner.position < head) await new Promise((resolve) => setTimeout(resolve, 10));
      await runner.stop();
      const stored = await reads.getMany<Count>('counts__v1_0', streams);
      expect(streams.map((id) => stored.get(id)?.document.count)).toEqual(streams.map(() => 3));
      await events.close();
    } finally {
      await target.dispose(sql);
    }
  });
});
