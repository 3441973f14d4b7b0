// ISO calendar dates in Beijing time: parsing, validating and stepping with luxon.
import { DateTime } from 'luxon';
import { CalendarError } from './calendar-error.js';
import type { IsoDate } from './holiday-year.js';

/** The time zone every date of the platform is read in. */
export const BEIJING = 'Asia/Shanghai';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses a YYYY-MM-DD date as midnight in Beijing, or throws CalendarError INVALID_DATE. */
export function parseIsoDate(date: IsoDate): DateTime<true> {
  const parsed = ISO_DATE.test(date) ? DateTime.fromISO(date, { zone: BEIJING }) : null;
  if (!parsed?.isValid) {
    throw new CalendarError('INVALID_DATE', `expected a calendar date as YYYY-MM-DD, received "${date}"`);
  }
  return parsed;
}

/** True when `date` is a real YYYY-MM-DD calendar date. */
export function isIsoDate(date: string): boolean {
  return ISO_DATE.test(date) && DateTime.fromISO(date, { zone: BEIJING }).isValid;
}

/** Formats a luxon date as YYYY-MM-DD in Beijing. */
export function toIsoDate(date: DateTime): IsoDate {
  return date.setZone(BEIJING).toISODate()!;
}

/** The date `days` calendar days after (or before, when negative) `date`. */
export function plusDays(date: IsoDate, days: number): IsoDate {
  return toIsoDate(parseIsoDate(date).plus({ days }));
}

/** The calendar date in Beijing of an instant (a Date or an ISO-8601 timestamp). */
export function beijingDateOf(instant: Date | string): IsoDate {
  const time =
    typeof instant === 'string'
      ? DateTime.fromISO(instant, { zone: BEIJING })
      : DateTime.fromJSDate(instant, { zone: BEIJING });
  if (!time.isValid) {
    throw new CalendarError('INVALID_DATE', `expected an ISO-8601 instant, received "${String(instant)}"`);
  }
  return time.toISODate();
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: IsoDate): number {
  return parseIsoDate(date).weekday;
}
