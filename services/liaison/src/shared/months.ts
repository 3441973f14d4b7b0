// Months and years of Beijing dates (see dates.ts for the dates themselves).

const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

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
