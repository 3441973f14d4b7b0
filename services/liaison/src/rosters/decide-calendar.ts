// Deciding what a calendar change does to a published day: a day that now falls on a public holiday moves by
// the roster's holiday policy (or is cancelled when the policy skips, or no working day is left to move to).
import {
  CalendarError,
  isHoliday,
  nextWorkingDay,
  previousWorkingDay,
  type IsoDate,
  type WorkingDayCalendar,
} from '@liaison/calendar';
import { domainError, type Decision } from '@liaison/decider';
import { DateTime } from 'luxon';
import type { RescheduleForCalendar } from './commands.js';
import { notPublished, started, type Published } from './decide-schedule.js';
import type { RosterEvent } from './events.js';
import { instantOf, type DayState, type RosterState } from './state.js';

export function rescheduleForCalendar(
  command: RescheduleForCalendar,
  state: RosterState,
): Decision<RosterEvent> {
  if (state.status !== 'published') return notPublished();
  const { date, calendar } = command.data;
  const day = state.days[date];
  // Nothing (left) on that date, or it is still a day people work: the change does not touch this roster.
  if (!day || day.cancelled || !isHoliday(calendar, date)) return [];
  const now = command.metadata.now;
  if (started(day, now)) {
    return domainError('DAY_ALREADY_STARTED', `duty on ${date} has started; it can no longer be moved`, [
      'date',
    ]);
  }
  const reason = command.data.reason.trim();
  const to = state.holidayPolicy === 'skip' ? null : target(state, day, calendar, now);
  if (to === null) {
    const why =
      state.holidayPolicy === 'skip' ? 'the roster skips holidays' : 'no working day left to move to';
    return [
      {
        type: 'RosterDayCancelled',
        data: { stationId: state.stationId, year: state.year, date, reason: `${reason} (${why})` },
      },
    ];
  }
  return [
    {
      type: 'RosterDayMoved',
      data: {
        stationId: state.stationId,
        year: state.year,
        jurisdictionId: state.jurisdictionId,
        jurisdictionPath: state.jurisdictionPath,
        from: date,
        to,
        window: day.window,
        movedFrom: day.movedFrom ?? date,
        reason,
        calendarVersions: [...calendar.versions],
        deputies: Object.values(day.duty).map((entry) => ({
          deputyId: entry.deputyId,
          status: entry.status === 'on-leave' ? 'on-leave' : 'on-duty',
        })),
        leaves: Object.values(state.leaves)
          .filter((leave) => leave.date === date)
          .map(({ leaveId, deputyId, status, reason: leaveReason, rejectionReason }) => ({
            leaveId,
            deputyId,
            status,
            reason: leaveReason,
            rejectionReason,
          })),
      },
    },
  ];
}

/**
 * The working day the policy moves `day` to: the next (or previous) working day that is not already a duty day of
 * the roster, in the roster's year, and whose window has not started at `now`; null when there is none.
 */
function target(state: Published, day: DayState, calendar: WorkingDayCalendar, now: string): IsoDate | null {
  const step = state.holidayPolicy === 'next-working-day' ? nextWorkingDay : previousWorkingDay;
  const inYear = (date: IsoDate) => date.startsWith(`${state.year}-`);
  try {
    for (let date = step(calendar, day.date); inYear(date); date = step(calendar, date)) {
      if (DateTime.fromISO(now) >= instantOf(date, day.window.start)) return null; // only earlier days remain
      const taken = state.days[date];
      if (!taken || taken.cancelled) return date;
    }
  } catch (error) {
    // stepping into a year without holiday data: no day of this roster's year is left in that direction
    if (error instanceof CalendarError) return null;
    throw error;
  }
  return null;
}
