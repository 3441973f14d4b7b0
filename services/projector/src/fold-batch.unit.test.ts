import type { RecordedEvent } from '@liaison/eventstore';
import type { StoredDocument } from '@liaison/readstore';
import { foldBatch, touchedIds } from './fold-batch.js';
import type { Projection } from './projection.js';

type Doc = { id: string; names: string[] };

// Keeps the names of a station in order; 'Removed' deletes the document.
const names: Projection<Doc> = {
  name: 'names',
  version: 1,
  fields: {},
  eventTypes: ['Named', 'Removed'],
  documentIds: (event) => [event.streamId],
  fold: (document, event, id) =>
    event.type === 'Removed'
      ? null
      : { id, names: [...(document?.names ?? []), (event.data as { name: string }).name] },
};

function event(globalPosition: number, streamId: string, type: string, name = ''): RecordedEvent {
  return {
    id: `e${globalPosition}`,
    type,
    schemaVersion: 1,
    streamId,
    category: 'station',
    streamPosition: 1,
    globalPosition,
    data: { name },
    metadata: {
      actorId: 'a',
      role: 'r',
      jurisdictionId: null,
      commandId: 'c',
      correlationId: 'c',
      causationId: null,
    },
    occurredAt: '2026-01-01T00:00:00.000Z',
    recordedAt: '2026-01-01T00:00:00.000Z',
    previousHash: '',
    hash: '',
  };
}

describe('foldBatch', () => {
  it('folds events in order into loaded and new documents, one write per document at its last position', () => {
    const loaded = new Map<string, StoredDocument>([
      ['station-1', { document: { id: 'station-1', names: ['a'] }, position: 3 }],
    ]);
    const events = [
      event(4, 'station-1', 'Named', 'b'),
      event(5, 'station-2', 'Named', 'x'),
      event(6, 'station-1', 'Named', 'c'),
    ];
    expect(touchedIds(names, events)).toEqual(['station-1', 'station-2']);
    expect(foldBatch(names, 'names__v1_x', loaded, events)).toEqual([
      {
        collection: 'names__v1_x',
        id: 'station-1',
        position: 6,
        document: { id: 'station-1', names: ['a', 'b', 'c'] },
      },
      {
        collection: 'names__v1_x',
        id: 'station-2',
        position: 5,
        document: { id: 'station-2', names: ['x'] },
      },
    ]);
  });

  it('skips events already folded into a document (at or below its position)', () => {
    const loaded = new Map<string, StoredDocument>([
      ['station-1', { document: { id: 'station-1', names: ['a', 'b'] }, position: 4 }],
    ]);
    const writes = foldBatch(names, 'c', loaded, [
      event(4, 'station-1', 'Named', 'b'),
      event(5, 'station-1', 'Named', 'c'),
    ]);
    expect(writes).toEqual([
      {
        collection: 'c',
        id: 'station-1',
        position: 5,
        document: { id: 'station-1', names: ['a', 'b', 'c'] },
      },
    ]);
  });

  it('writes a tombstone for a deleted document and nothing for one that never existed', () => {
    const loaded = new Map<string, StoredDocument>([
      ['station-1', { document: { id: 'station-1', names: ['a'] }, position: 1 }],
    ]);
    const writes = foldBatch(names, 'c', loaded, [
      event(2, 'station-1', 'Removed'),
      event(3, 'station-9', 'Removed'),
    ]);
    expect(writes).toEqual([{ collection: 'c', id: 'station-1', position: 2, document: null }]);
  });
});
