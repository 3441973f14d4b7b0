import type { RecordedEvent } from '@liaison/eventstore';
import type { AssessmentEvent } from './events.js';
import {
  assessmentRankingsProjection,
  rankingId,
  ranksOf,
  type RankingDocument,
} from './ranking-projection.js';

let position = 0;
const recorded = (event: AssessmentEvent) =>
  ({
    ...event,
    occurredAt: '2026-12-20T02:00:00.000Z',
    globalPosition: ++position,
  }) as unknown as RecordedEvent;

const subject = (stationId: string, path = '/p1/c1/t1/') => ({
  assessmentId: `as-${stationId}`,
  stationId,
  jurisdictionId: path.split('/').at(-2) ?? '',
  jurisdictionPath: path,
  checklistId: 'k1',
  period: '2026',
});
const completed = (stationId: string, percentage: number, path?: string): AssessmentEvent => ({
  type: 'AssessmentCompleted',
  data: {
    ...subject(stationId, path),
    checklistVersion: 1,
    totalScore: percentage,
    maxScore: 100,
    percentage,
    stars: 0,
    thresholds: [],
    scaleJurisdictionId: null,
  },
});

function foldAll(events: AssessmentEvent[]): Map<string, RankingDocument | null> {
  const documents = new Map<string, RankingDocument | null>();
  for (const event of events) {
    const r = recorded(event);
    for (const id of assessmentRankingsProjection.documentIds(r))
      documents.set(id, assessmentRankingsProjection.fold(documents.get(id) ?? null, r, id));
  }
  return documents;
}

describe('assessment rankings', () => {
  it('ranks stations in every jurisdiction above them, best first, ties sharing a rank', () => {
    const documents = foldAll([
      completed('s1', 80),
      completed('s2', 92.5),
      completed('s3', 80, '/p1/c1/t2/'),
      completed('s4', 70),
    ]);
    const county = documents.get(rankingId('c1', 'k1', '2026'))!;
    expect(county.entries.map((e) => e.stationId)).toEqual(['s2', 's1', 's3', 's4']);
    expect(ranksOf(county.entries)).toEqual([1, 2, 2, 4]);
    expect(documents.get(rankingId('t2', 'k1', '2026'))!.entries.map((e) => e.stationId)).toEqual(['s3']);
    expect(documents.get(rankingId('p1', 'k1', '2026'))!.entries).toHaveLength(4);
  });

  it('takes a reopened assessment out of the ranking and puts the corrected result back', () => {
    const documents = foldAll([
      completed('s1', 80),
      completed('s2', 60),
      { type: 'AssessmentReopened', data: { ...subject('s1'), reason: 'recount' } },
    ]);
    expect(documents.get(rankingId('t1', 'k1', '2026'))!.entries.map((e) => e.stationId)).toEqual(['s2']);
    const again = foldAll([completed('s1', 50)]);
    expect(again.get(rankingId('t1', 'k1', '2026'))!.entries[0]).toMatchObject({
      stationId: 's1',
      percentage: 50,
    });
  });
});
