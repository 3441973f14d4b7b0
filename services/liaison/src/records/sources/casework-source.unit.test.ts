import type { RecordedEvent } from '@liaison/eventstore';
import { recordsProjection, type RecordDocument } from '../projection.js';

function foldAll(events: Array<Pick<RecordedEvent, 'type' | 'data' | 'occurredAt'>>): RecordDocument[] {
  const documents = new Map<string, RecordDocument>();
  events.forEach((event, index) => {
    const recorded = { ...event, globalPosition: index + 1 } as RecordedEvent;
    for (const id of recordsProjection.documentIds(recorded)) {
      const next = recordsProjection.fold(documents.get(id) ?? null, recorded, id);
      if (next) documents.set(id, next);
    }
  });
  return [...documents.values()];
}

const opinion = (channel: string, deputyIds: string[]) => ({
  type: 'OpinionReceived',
  occurredAt: '2026-03-20T17:00:00.000Z', // 01:00 on 21 March in Beijing
  data: { channel, stationId: 's1', jurisdictionPath: '/p/c/t1/', receivedBy: { deputyIds } },
});

describe('casework in the performance records', () => {
  it('counts opinions taken in, voters met in person, and suggestions, per deputy on the Beijing date', () => {
    const documents = foldAll([
      opinion('reception', ['d1', 'd2']),
      opinion('deputy-visit', ['d1']),
      opinion('online', []),
      {
        type: 'SuggestionDrafted',
        occurredAt: '2026-03-21T02:00:00.000Z',
        data: { stationId: 's1', jurisdictionPath: '/p/c/t1/', deputyIds: ['d1'] },
      },
    ]);
    const d1 = documents.find((d) => d.id.includes('d1') && d.id.includes('2026-03'));
    const d2 = documents.find((d) => d.id.includes('d2') && d.id.includes('2026-03'));
    expect(d1?.figures).toMatchObject({ opinionsRecorded: 2, votersReceived: 2, suggestions: 1 });
    expect(d2?.figures).toMatchObject({ opinionsRecorded: 1, votersReceived: 1, suggestions: 0 });
  });
});
