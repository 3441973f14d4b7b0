// The state of a station's yearly roster, folded from its events, and the times of its days.
import { BEIJING } from '@liaison/calendar';
import { UnreachableCaseError } from '@liaison/decider';
import { DateTime } from 'luxon';
import type { RosterEvent } from './events.js';
import type { HolidayPolicy, TimeWindow } from './rules.js';

export type DutyStatus = 'on-duty' | 'on-leave' | 'checked-in' | 'checked-out' | 'no-show';

export interface DutyEntry {
  deputyId: string;
  status: DutyStatus;
  checkedInAt: string | null;
}

export interface DayState {
  date: string;
  window: TimeWindow;
  /** The date the rules first gave the day, when it was moved off a holiday. */
  movedFrom: string | null;
  cancelled: boolean;
  /** Deputies on duty, by id. */
  duty: Readonly<Record<string, DutyEntry>>;
}

export interface LeaveState {
  leaveId: string;
  date: string;
  deputyId: string;
  status: 'requested' | 'approved' | 'rejected';
  reason: string;
  rejectionReason: string | null;
}

export type RosterState =
  | { status: 'unpublished' }
  | {
      status: 'published';
      stationId: string;
      year: number;
      jurisdictionId: string;
      jurisdictionPath: string;
      holidayPolicy: HolidayPolicy;
      days: Readonly<Record<string, DayState>>;
      leaves: Readonly<Record<string, LeaveState>>;
    };

/** The instant a day's window starts or ends (`HH:mm` on `date` in Beijing). */
export function instantOf(date: string, time: string): DateTime {
  return DateTime.fromISO(`${date}T${time}`, { zone: BEIJING });
}

/** Folds one roster event into the state. */
export function evolveRoster(state: RosterState, event: RosterEvent): RosterState {
  if (event.type === 'RosterPublished') {
    const days: Record<string, DayState> = {};
    for (const day of event.data.days)
      days[day.date] = {
        date: day.date,
        window: day.window,
        movedFrom: day.movedFrom,
        cancelled: false,
        duty: {},
      };
    return {
      status: 'published',
      stationId: event.data.stationId,
      year: event.data.year,
      jurisdictionId: event.data.jurisdictionId,
      jurisdictionPath: event.data.jurisdictionPath,
      holidayPolicy: event.data.holidayPolicy,
      days,
      leaves: {},
    };
  }
  if (state.status !== 'published') return state;
  const withDay = (date: string, change: (day: DayState) => DayState): RosterState => {
    const day = state.days[date];
    return day ? { ...state, days: { ...state.days, [date]: change(day) } } : state;
  };
  const withDuty = (date: string, deputyId: string, change: Partial<DutyEntry>): RosterState =>
    withDay(date, (day) => {
      const entry = day.duty[deputyId];
      return entry ? { ...day, duty: { ...day.duty, [deputyId]: { ...entry, ...change } } } : day;
    });
  switch (event.type) {
    case 'RosterDayAdded':
      return {
        ...state,
        days: {
          ...state.days,
          [event.data.date]: {
            date: event.data.date,
            window: event.data.window,
            movedFrom: null,
            cancelled: false,
            duty: {},
          },
        },
      };
    case 'RosterDayCancelled':
      return withDay(event.data.date, (day) => ({ ...day, cancelled: true }));
    case 'RosterDayMoved': {
      const { from, to, movedFrom } = event.data;
      const day = state.days[from];
      if (!day) return state;
      const days = { ...state.days, [to]: { ...day, date: to, movedFrom } };
      delete days[from];
      const leaves: Record<string, LeaveState> = {};
      for (const leave of Object.values(state.leaves))
        leaves[leave.leaveId] = leave.date === from ? { ...leave, date: to } : leave;
      return { ...state, days, leaves };
    }
    case 'DutyAssigned':
      return withDay(event.data.date, (day) => {
        const duty: Record<string, DutyEntry> = {};
        for (const deputyId of event.data.deputyIds) {
          duty[deputyId] = day.duty[deputyId] ?? { deputyId, status: 'on-duty', checkedInAt: null };
        }
        return { ...day, duty };
      });
    case 'DutySwapped': {
      const { deputyId, date, withDeputyId, withDate } = event.data;
      const replace = (day: DayState, out: string, into: string): DayState => {
        const duty = { ...day.duty };
        delete duty[out];
        duty[into] = { deputyId: into, status: 'on-duty', checkedInAt: null };
        return { ...day, duty };
      };
      const swapped = withDay(date, (day) => replace(day, deputyId, withDeputyId));
      if (withDate === null || swapped.status !== 'published') return swapped;
      const other = swapped.days[withDate];
      return other
        ? { ...swapped, days: { ...swapped.days, [withDate]: replace(other, withDeputyId, deputyId) } }
        : swapped;
    }
    case 'LeaveRequested': {
      const { leaveId, date, deputyId, reason } = event.data;
      return {
        ...state,
        leaves: {
          ...state.leaves,
          [leaveId]: { leaveId, date, deputyId, status: 'requested', reason, rejectionReason: null },
        },
      };
    }
    case 'LeaveApproved': {
      const leave = state.leaves[event.data.leaveId];
      if (!leave) return state;
      const next = withDuty(leave.date, leave.deputyId, { status: 'on-leave' });
      return next.status === 'published'
        ? { ...next, leaves: { ...next.leaves, [leave.leaveId]: { ...leave, status: 'approved' } } }
        : next;
    }
    case 'LeaveRejected': {
      const leave = state.leaves[event.data.leaveId];
      return leave
        ? {
            ...state,
            leaves: {
              ...state.leaves,
              [leave.leaveId]: { ...leave, status: 'rejected', rejectionReason: event.data.reason },
            },
          }
        : state;
    }
    case 'DeputyCheckedIn':
      return withDuty(event.data.date, event.data.deputyId, {
        status: 'checked-in',
        checkedInAt: event.data.at,
      });
    case 'DeputyCheckedOut':
      return withDuty(event.data.date, event.data.deputyId, { status: 'checked-out' });
    case 'DeputyNoShowRecorded':
      return withDuty(event.data.date, event.data.deputyId, { status: 'no-show' });
    default:
      throw new UnreachableCaseError(event);
  }
}
