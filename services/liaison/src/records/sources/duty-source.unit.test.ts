import type { RecordedEvent } from '@liaison/eventstore';
import type { RosterEvent } from '../../rosters/events.js';
import { attendanceRate } from '../figures.js';
import { recordsProjection, type RecordDocument, type UnitRecordDocument } from '../projection.js';

function foldAll(events: RosterEvent[]): Map<string, RecordDocument> {
  const documents = new Map<string, RecordDocument>();
  events.forEach((event, index) => {
    const recorded = {
      ...event,
      globalPosition: index + 1,
      occurredAt: '2026-03-20T00:00:00Z',
    } as RecordedEvent;
    for (const id of recordsProjection.documentIds(recorded)) {
      const next = recordsProjection.fold(documents.get(id) ?? null, recorded, id);
      if (next) documents.set(id, next);
    }
  });
  return documents;
}

const day = (date: string) => ({
  date,
  window: { start: '09:00', end: '11:30' },
  ruleIndex: 0,
  movedFrom: null,
});

describe('duty in the performance records', () => {
  it('counts attended, late, early, no-show and leave days, with the station placed by its roster', () => {
    const documents = foldAll([
      {
        type: 'RosterPublished',
        data: {
          stationId: 's1',
          year: 2026,
          jurisdictionId: 't1',
          jurisdictionPath: '/p1/c1/t1/',
          rules: [],
          holidayPolicy: 'skip',
          calendarVersions: [],
          days: [day('2026-03-15'), day('2026-04-15'), day('2026-05-15')],
        },
      } as unknown as RosterEvent,
      {
        type: 'DeputyCheckedIn',
        data: {
          stationId: 's1',
          date: '2026-03-15',
          deputyId: 'd1',
          at: '2026-03-15T01:10:00Z',
          lateMinutes: 10,
        },
      },
      {
        type: 'DeputyCheckedOut',
        data: {
          stationId: 's1',
          date: '2026-03-15',
          deputyId: 'd1',
          at: '2026-03-15T03:00:00Z',
          earlyMinutes: 30,
        },
      },
      { type: 'DeputyNoShowRecorded', data: { stationId: 's1', date: '2026-04-15', deputyId: 'd1' } },
      { type: 'LeaveApproved', data: { stationId: 's1', leaveId: 'l1', date: '2026-05-15', deputyId: 'd1' } },
    ]);
    const year = documents.get('unit|station:s1|2026') as UnitRecordDocument;
    expect(year.jurisdictionPath).toBe('/p1/c1/t1/');
    expect(year.deputies.d1).toMatchObject({
      dutyDays: 3,
      attended: 1,
      late: 1,
      earlyDepartures: 1,
      noShows: 1,
      leave: 1,
    });
    expect(attendanceRate(year.figures)).toBe(0.5);
    expect((documents.get('unit|station:s1|2026-04') as UnitRecordDocument).jurisdictionPath).toBe(
      '/p1/c1/t1/',
    );
    expect(documents.get('deputy|d1|2026-05')?.figures).toMatchObject({ dutyDays: 1, leave: 1 });
  });

  it('places a station in its jurisdiction for the month a calendar change moved a day into', () => {
    const documents = foldAll([
      {
        type: 'RosterDayMoved',
        data: {
          stationId: 's1',
          year: 2026,
          jurisdictionId: 't1',
          jurisdictionPath: '/p1/c1/t1/',
          from: '2026-09-30',
          to: '2026-10-08',
          window: { start: '09:00', end: '11:30' },
          movedFrom: '2026-09-30',
          reason: 'office day off',
          calendarVersions: [],
          deputies: [{ deputyId: 'd1', status: 'on-duty' }],
          leaves: [],
        },
      },
      { type: 'DeputyNoShowRecorded', data: { stationId: 's1', date: '2026-10-08', deputyId: 'd1' } },
    ]);
    const october = documents.get('unit|station:s1|2026-10') as UnitRecordDocument;
    expect(october.jurisdictionPath).toBe('/p1/c1/t1/');
    expect(october.figures).toMatchObject({ dutyDays: 1, noShows: 1 });
    expect(documents.has('unit|station:s1|2026-09')).toBe(false);
  });
});
