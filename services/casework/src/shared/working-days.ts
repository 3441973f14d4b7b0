// The ports through which deadlines count working days: an office's calendar (national data plus its adjustments),
// and a weekday-only stand-in for tests.
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

/** The calendars deadlines count with: national data plus the days offices declared off or worked. */
export interface OfficeCalendars {
  /**
   * The calendar in force at the office at the end of `ancestry` (jurisdiction ids, root first): the adjustments
   * of every office on it apply, the nearest last. An empty ancestry gives the national calendar alone.
   */
  forOffice(ancestry: readonly string[]): Promise<WorkingDayCalendar>;
}

/** One calendar for every office: for tests, or where offices declare nothing. */
export function sameForEveryOffice(calendar: WorkingDayCalendar): OfficeCalendars {
  return { forOffice: () => Promise.resolve(calendar) };
}

/**
 * Office calendars over China's national data. `adjustments` reads the declarations of the offices on an
 * ancestry (liaison keeps them as events; the composition root passes its reader in, so casework never reaches
 * into liaison). An office that declared nothing leaves the national calendar as it is.
 */
export function nationalOfficeCalendars(
  adjustments: (ancestry: readonly string[]) => Promise<readonly national.OfficeCalendar[]>,
): OfficeCalendars {
  const plain = nationalWorkingDays();
  return {
    async forOffice(ancestry) {
      if (ancestry.length === 0) return plain;
      const offices = (await adjustments(ancestry)).filter((office) => office.days.length > 0);
      if (offices.length === 0) return plain;
      return nationalWorkingDays(national.buildCalendar({ outsideCoverage: 'weekends', offices }));
    },
  };
}

/**
 * The ancestry of the office whose calendar counts a case's deadline: the acting office's own jurisdiction
 * on the case's path (root first, up to it); an actor without an office on the path (an admin, the scheduler)
 * counts with the case's own jurisdiction.
 */
export function officeAncestry(caseAncestry: readonly string[], officeId: string | null): string[] {
  const at = officeId === null ? -1 : caseAncestry.indexOf(officeId);
  return at < 0 ? [...caseAncestry] : caseAncestry.slice(0, at + 1);
}
