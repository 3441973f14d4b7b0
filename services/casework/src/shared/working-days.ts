// The port through which deadlines count working days: the national calendar, and a weekday-only stand-in for tests.
import * as national from '@liaison/calendar';

/** Dates are Asia/Shanghai calendar dates, 'YYYY-MM-DD'. */
export interface WorkingDayCalendar {
  /** The working day `days` working days after `from` (`from` itself is not counted). */
  addWorkingDays(from: string, days: number): Promise<string>;
  /** How many working days lie after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: string, to: string): Promise<number>;
}

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar date of an instant (China keeps UTC+8 all year). */
export function beijingDate(instant: Date | string): string {
  return new Date(new Date(instant).getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function isWeekday(day: number): boolean {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Monday to Friday only: no public holidays and no make-up days. Replace with the office calendar when wired. */
export const weekdayCalendar: WorkingDayCalendar = {
  addWorkingDays(from, days) {
    let day = dayNumber(from);
    for (let left = days; left > 0;) {
      day += 1;
      if (isWeekday(day)) left -= 1;
    }
    return Promise.resolve(new Date(day * DAY_MS).toISOString().slice(0, 10));
  },
  workingDaysBetween(from, to) {
    let count = 0;
    for (let day = dayNumber(from) + 1; day <= dayNumber(to); day++) if (isWeekday(day)) count += 1;
    return Promise.resolve(count);
  },
};

/**
 * Deadlines on China's working-day calendar (packages/calendar: national holidays and make-up working days).
 * A year the package has no data for counts weekends only rather than refusing casework; the package's
 * docs say how to add a year when the State Council publishes it.
 */
export function nationalWorkingDays(
  calendar: national.WorkingDayCalendar = national.buildCalendar({ outsideCoverage: 'weekends' }),
): WorkingDayCalendar {
  return {
    addWorkingDays: (from, days) => Promise.resolve(national.addWorkingDays(calendar, from, days)),
    workingDaysBetween: (from, to) =>
      Promise.resolve(Math.max(0, national.workingDaysBetween(calendar, from, to))),
  };
}
