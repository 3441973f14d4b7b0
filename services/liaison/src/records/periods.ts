// Periods of records: a range of months, stored as the fewest year ('YYYY') and month ('YYYY-MM') counters.
import { domainError, type DomainError } from '@liaison/decider';
import { isYearMonth } from '../shared/months.js';

export interface MonthRange {
  /** First month, YYYY-MM. */
  from: string;
  /** Last month, YYYY-MM, inclusive. */
  to: string;
}

/** The longest range a report or record covers: ten years. */
export const MAX_MONTHS = 120;

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthAt(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Checks a range of months; returns it or why it is unusable. */
export function validateRange(range: MonthRange): MonthRange | DomainError {
  if (!isYearMonth(range.from) || !isYearMonth(range.to))
    return domainError(
      'INVALID_PERIOD',
      `expected months YYYY-MM, received "${range.from}" to "${range.to}"`,
    );
  const length = monthIndex(range.to) - monthIndex(range.from) + 1;
  if (length < 1 || length > MAX_MONTHS)
    return domainError(
      'INVALID_PERIOD',
      `expected 1 to ${MAX_MONTHS} months, from before to; received ${length}`,
    );
  return range;
}

/** Every month of a range, in order. */
export function monthsOf(range: MonthRange): string[] {
  const months: string[] = [];
  for (let i = monthIndex(range.from); i <= monthIndex(range.to); i++) months.push(monthAt(i));
  return months;
}

/** The fewest period keys covering a range exactly: whole calendar years as 'YYYY', the rest as months. */
export function periodKeys(range: MonthRange): string[] {
  const keys: string[] = [];
  const months = monthsOf(range);
  for (let i = 0; i < months.length;) {
    const month = months[i]!;
    if (month.endsWith('-01') && i + 11 < months.length) {
      keys.push(month.slice(0, 4));
      i += 12;
    } else {
      keys.push(month);
      i += 1;
    }
  }
  return keys;
}
