// A projection whose documents expose any lost or doubled event: counts, sums, and an order-sensitive digest.
import { createHash } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '@liaison/eventstore';
import type { Projection } from '@liaison/projector';

export interface TallyDocument {
  [field: string]: unknown;
  id: string;
  count: number;
  sum: number;
  /** Chained over event ids in fold order: folding one event twice, skipping one or reordering changes it. */
  digest: string;
}

export const tallyProjection: Projection<TallyDocument> = {
  name: 'tallies',
  version: 1,
  fields: { count: { kind: 'number' } },
  eventTypes: ['Ticked'],
  documentIds: (event) => [event.streamId, 'all'],
  fold(document, event: RecordedEvent, id) {
    const n = (event.data as { n: number }).n;
    const previous = document ?? { id, count: 0, sum: 0, digest: '' };
    return {
      id,
      count: previous.count + 1,
      sum: previous.sum + n,
      digest: createHash('sha256').update(previous.digest).update(event.id).digest('hex').slice(0, 32),
    };
  },
};

/** `count` Ticked events for one stream, numbered from `first`. */
export function ticks(count: number, first: number): NewEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    id: crypto.randomUUID(),
    type: 'Ticked',
    data: { n: first + i },
    occurredAt: new Date(0).toISOString(),
    metadata: {
      actorId: 'test',
      role: 'system',
      jurisdictionId: null,
      commandId: crypto.randomUUID(),
      correlationId: 'crash-test',
      causationId: null,
    },
  }));
}
