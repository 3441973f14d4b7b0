// A working-day calendar: national arrangements plus office adjustments, as pure functions over ISO dates.
import { CalendarError } from './calendar-error.js';
import type { HolidayYear, IsoDate } from './holiday-year.js';
import { isIsoDate, parseIsoDate, plusDays, weekdayOf } from './iso-date.js';
import { NATIONAL_HOLIDAY_YEARS } from './national/index.js';
import type { OfficeCalendar } from './office-calendar.js';

/** What a day is, and who said so. */
export interface CalendarDay {
  date: IsoDate;
  kind: 'working-day' | 'weekend' | 'holiday' | 'make-up-working-day';
  /** The festival or reason, for holidays and make-up days. */
  name: string | null;
  /** Where the classification came from. */
  source: 'weekday' | 'national' | 'office';
}

interface SpecialDay {
  kind: 'holiday' | 'make-up-working-day';
  name: string;
  source: 'national' | 'office';
}

/** A built calendar: immutable, safe to share. */
export interface WorkingDayCalendar {
  /** The years with national data, ascending. */
  readonly coveredYears: readonly number[];
  /** `year@version` of each national year and `office@version` of each adjustment applied, for audit. */
  readonly versions: readonly string[];
  /** What to do with a date in a year without national data. */
  readonly outsideCoverage: 'error' | 'weekends';
  readonly special: ReadonlyMap<IsoDate, SpecialDay>;
}

export interface CalendarOptions {
  /** National years; defaults to every year this package ships. */
  years?: readonly HolidayYear[];
  /** Office adjustments, applied in order (a later office wins on the same date): e.g. county, then township. */
  offices?: readonly OfficeCalendar[];
  /**
   * A year without national data: 'error' (default) throws CALENDAR_NOT_COVERED, because a deadline
   * counted over an unknown holiday would be silently wrong; 'weekends' treats it as weekends only.
   */
  outsideCoverage?: 'error' | 'weekends';
}

/** Builds a calendar, checking the data is consistent (dates valid, make-up days on weekends, no overlaps). */
export function buildCalendar(options: CalendarOptions = {}): WorkingDayCalendar {
  const years = options.years ?? NATIONAL_HOLIDAY_YEARS;
  const special = new Map<IsoDate, SpecialDay>();
  const versions: string[] = [];
  const seenYears = new Set<number>();
  for (const year of years) {
    if (seenYears.has(year.year)) invalid(`year ${year.year} is given twice`);
    seenYears.add(year.year);
    versions.push(`national-${year.year}@${year.version}`);
    for (const period of year.holidays) {
      checkDate(period.from, `${year.year} ${period.name}`);
      checkDate(period.to, `${year.year} ${period.name}`);
      if (period.to < period.from) invalid(`${period.name} ${year.year} ends before it starts`);
      for (let date = period.from; date <= period.to; date = plusDays(date, 1)) {
        if (!date.startsWith(`${year.year}-`))
          invalid(`${period.name} day ${date} lies outside ${year.year}`);
        if (special.has(date)) invalid(`${date} is listed twice in ${year.year}`);
        special.set(date, { kind: 'holiday', name: period.name, source: 'national' });
      }
    }
    for (const makeUp of year.makeUpWorkingDays) {
      checkDate(makeUp.date, `${year.year} make-up day`);
      if (!makeUp.date.startsWith(`${year.year}-`))
        invalid(`make-up day ${makeUp.date} lies outside ${year.year}`);
      if (weekdayOf(makeUp.date) < 6) invalid(`make-up day ${makeUp.date} is not a Saturday or Sunday`);
      if (special.has(makeUp.date)) invalid(`${makeUp.date} is listed twice in ${year.year}`);
      special.set(makeUp.date, { kind: 'make-up-working-day', name: makeUp.for, source: 'national' });
    }
  }
  for (const office of options.offices ?? []) {
    versions.push(`office-${office.officeId}@${office.version}`);
    for (const day of office.days) {
      checkDate(day.date, `office ${office.officeId}`);
      special.set(day.date, {
        kind: day.kind === 'holiday' ? 'holiday' : 'make-up-working-day',
        name: day.name,
        source: 'office',
      });
    }
  }
  return {
    coveredYears: [...seenYears].sort((a, b) => a - b),
    versions,
    outsideCoverage: options.outsideCoverage ?? 'error',
    special,
  };
}

/** Classifies one date. */
export function calendarDay(calendar: WorkingDayCalendar, date: IsoDate): CalendarDay {
  const parsed = parseIsoDate(date);
  const found = calendar.special.get(date);
  if (found?.source === 'office') return { date, ...found };
  if (!calendar.coveredYears.includes(parsed.year) && calendar.outsideCoverage === 'error') {
    throw new CalendarError(
      'CALENDAR_NOT_COVERED',
      `expected a date in a year with national holiday data (${calendar.coveredYears.join(', ')}), received ${date}`,
    );
  }
  if (found) return { date, ...found };
  return parsed.weekday >= 6
    ? { date, kind: 'weekend', name: null, source: 'weekday' }
    : { date, kind: 'working-day', name: null, source: 'weekday' };
}

/** True when offices work on `date`: a weekday that is not a holiday, or a make-up working day. */
export function isWorkingDay(calendar: WorkingDayCalendar, date: IsoDate): boolean {
  const { kind } = calendarDay(calendar, date);
  return kind === 'working-day' || kind === 'make-up-working-day';
}

/** True when `date` is a public (or office-declared) holiday; ordinary weekends are not holidays. */
export function isHoliday(calendar: WorkingDayCalendar, date: IsoDate): boolean {
  return calendarDay(calendar, date).kind === 'holiday';
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(calendar: WorkingDayCalendar, date: IsoDate): IsoDate {
  return stepToWorkingDay(calendar, date, 1);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(calendar: WorkingDayCalendar, date: IsoDate): IsoDate {
  return stepToWorkingDay(calendar, date, -1);
}

/**
 * The n-th working day after `date` (before it, when n is negative); counting starts the day after, as
 * deadlines do (“within 5 working days of receipt”). n = 0 returns `date` itself.
 */
export function addWorkingDays(calendar: WorkingDayCalendar, date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) {
    throw new CalendarError('INVALID_DATE', `expected a whole number of working days, received ${n}`);
  }
  parseIsoDate(date);
  let current = date;
  for (let left = Math.abs(n); left > 0; left--) current = stepToWorkingDay(calendar, current, Math.sign(n));
  return current;
}

/**
 * Working days after `from` up to and including `to`; negative when `to` is before `from`, so that
 * `workingDaysBetween(c, d, addWorkingDays(c, d, n)) === n`.
 */
export function workingDaysBetween(calendar: WorkingDayCalendar, from: IsoDate, to: IsoDate): number {
  parseIsoDate(from);
  parseIsoDate(to);
  if (to < from) return -workingDaysBetween(calendar, to, from);
  let count = 0;
  for (let date = plusDays(from, 1); date <= to; date = plusDays(date, 1)) {
    if (isWorkingDay(calendar, date)) count++;
  }
  return count;
}

function stepToWorkingDay(calendar: WorkingDayCalendar, date: IsoDate, direction: number): IsoDate {
  let current = plusDays(date, direction);
  while (!isWorkingDay(calendar, current)) current = plusDays(current, direction);
  return current;
}

function checkDate(date: string, where: string): void {
  if (!isIsoDate(date)) invalid(`${where}: expected a YYYY-MM-DD date, received "${date}"`);
}

function invalid(message: string): never {
  throw new CalendarError('INVALID_CALENDAR_DATA', message);
}
