// Duty feeds the records: a duty day counts once it comes due — checked in (maybe late), on approved leave, or a
// no-show — so swaps and cancelled days never need undoing. Rosters tell each station's documents their jurisdiction.
import { UnreachableCaseError } from '@liaison/decider';
import type { RosterEvent } from '../../rosters/events.js';
import type { Contribution, RecordSource } from './contribution.js';

export const dutySource: RecordSource = {
  eventTypes: [
    'RosterPublished',
    'RosterDayAdded',
    'RosterDayMoved',
    'DeputyCheckedIn',
    'DeputyCheckedOut',
    'DeputyNoShowRecorded',
    'LeaveApproved',
  ],
  contributions(recorded): Contribution[] {
    const event = { type: recorded.type, data: recorded.data } as RosterEvent;
    const at = (deputyId: string, stationId: string, date: string, figures: Contribution['figures']) => [
      { deputyId, stationId, jurisdictionPath: null, date, figures },
    ];
    switch (event.type) {
      case 'RosterPublished':
        return event.data.days.map((day) => ({
          deputyId: null,
          stationId: event.data.stationId,
          jurisdictionPath: event.data.jurisdictionPath,
          date: day.date,
          figures: {},
        }));
      case 'RosterDayAdded':
      case 'RosterDayMoved': {
        const date = event.type === 'RosterDayAdded' ? event.data.date : event.data.to;
        return [
          {
            deputyId: null,
            stationId: event.data.stationId,
            jurisdictionPath: event.data.jurisdictionPath,
            date,
            figures: {},
          },
        ];
      }
      case 'DeputyCheckedIn':
        return at(event.data.deputyId, event.data.stationId, event.data.date, {
          dutyDays: 1,
          attended: 1,
          late: event.data.lateMinutes > 0 ? 1 : 0,
        });
      case 'DeputyCheckedOut':
        return at(event.data.deputyId, event.data.stationId, event.data.date, {
          earlyDepartures: event.data.earlyMinutes > 0 ? 1 : 0,
        });
      case 'DeputyNoShowRecorded':
        return at(event.data.deputyId, event.data.stationId, event.data.date, { dutyDays: 1, noShows: 1 });
      case 'LeaveApproved':
        return at(event.data.deputyId, event.data.stationId, event.data.date, { dutyDays: 1, leave: 1 });
      // Assignments, swaps, cancellations and leave not (yet) approved count nothing until a day comes due.
      case 'DutyAssigned':
      case 'DutySwapped':
      case 'RosterDayCancelled':
      case 'LeaveRequested':
      case 'LeaveRejected':
        return [];
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
