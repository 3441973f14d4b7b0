// Business dates are Beijing dates (Asia/Shanghai): UTC+8 all year, as China has kept no daylight saving since 1991.

const OFFSET_MS = 8 * 60 * 60 * 1000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

/** The Beijing calendar date (YYYY-MM-DD) of an instant given as ISO-8601. */
export function beijingDate(instant: string): string {
  return new Date(Date.parse(instant) + OFFSET_MS).toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** True for a month written YYYY-MM. */
export function isYearMonth(value: string): boolean {
  const match = YEAR_MONTH.exec(value);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

/** The month (YYYY-MM) of a date YYYY-MM-DD. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The year (YYYY) of a date or month. */
export function yearOf(dateOrMonth: string): string {
  return dateOrMonth.slice(0, 4);
}
