import type { RecordedEvent } from '@liaison/eventstore';
import {
  recordsProjectionOf,
  type DeputyRecordDocument,
  type RecordDocument,
  type UnitRecordDocument,
} from './projection.js';
import { activitySource } from './sources/activity-source.js';
import type { RecordSource } from './sources/contribution.js';

// A stand-in for a duty source: a roster that only tells where a station sits, and check-ins that count.
const dutyLike: RecordSource = {
  eventTypes: ['TestRosterPublished', 'TestCheckedIn'],
  contributions(event) {
    const data = event.data as {
      stationId: string;
      date: string;
      deputyId?: string;
      path?: string;
      late?: boolean;
    };
    return event.type === 'TestRosterPublished'
      ? [
          {
            deputyId: null,
            stationId: data.stationId,
            jurisdictionPath: data.path ?? null,
            date: data.date,
            figures: {},
          },
        ]
      : [
          {
            deputyId: data.deputyId ?? null,
            stationId: data.stationId,
            jurisdictionPath: null,
            date: data.date,
            figures: { dutyDays: 1, attended: 1, late: data.late ? 1 : 0 },
          },
        ];
  },
};
const projection = recordsProjectionOf([activitySource, dutyLike]);

function foldAll(events: Array<{ type: string; data: unknown }>): Map<string, RecordDocument> {
  const documents = new Map<string, RecordDocument>();
  events.forEach((event, index) => {
    const recorded = {
      ...event,
      globalPosition: index + 1,
      occurredAt: '2026-01-01T00:00:00Z',
    } as RecordedEvent;
    for (const id of projection.documentIds(recorded)) {
      const next = projection.fold(documents.get(id) ?? null, recorded, id);
      if (next) documents.set(id, next);
    }
  });
  return documents;
}

describe('records projection', () => {
  const documents = foldAll([
    { type: 'TestRosterPublished', data: { stationId: 's1', date: '2026-03-20', path: '/p1/t1/' } },
    { type: 'TestCheckedIn', data: { stationId: 's1', date: '2026-03-20', deputyId: 'd1', late: true } },
    { type: 'TestCheckedIn', data: { stationId: 's1', date: '2026-04-20', deputyId: 'd1' } },
    {
      type: 'ActivityParticipantSignedIn',
      data: {
        activityId: 'a1',
        deputyId: 'd2',
        signedInAt: '2026-03-21T01:00:00Z',
        invited: true,
        kind: 'research',
        date: '2026-03-21',
        stationId: 's1',
        jurisdictionPath: '/p1/t1/',
      },
    },
  ]);

  it('counts per deputy for the month and the year', () => {
    const year = documents.get('deputy|d1|2026') as DeputyRecordDocument;
    expect(year.figures).toMatchObject({ dutyDays: 2, attended: 2, late: 1, activities: 0 });
    expect((documents.get('deputy|d1|2026-04') as DeputyRecordDocument).figures.late).toBe(0);
    expect((documents.get('deputy|d2|2026-03') as DeputyRecordDocument).activities).toEqual([
      { activityId: 'a1', kind: 'research', date: '2026-03-21' },
    ]);
  });

  it('counts per station in total and per deputy, learning its jurisdiction from a context-only contribution', () => {
    const march = documents.get('unit|station:s1|2026-03') as UnitRecordDocument;
    expect(march).toMatchObject({ jurisdictionPath: '/p1/t1/', jurisdictionId: 't1', stationId: 's1' });
    expect(march.figures).toMatchObject({ attended: 1, activities: 1 });
    expect(Object.keys(march.deputies).sort()).toEqual(['d1', 'd2']);
    // April's document saw no event carrying a path: it stays out of jurisdiction reports until one arrives
    expect((documents.get('unit|station:s1|2026-04') as UnitRecordDocument).jurisdictionPath).toBeNull();
    expect((documents.get('unit|station:s1|2026') as UnitRecordDocument).figures.attended).toBe(2);
  });
});
