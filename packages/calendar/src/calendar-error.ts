// Errors of the working-day calendar, each with a stable code.

export type CalendarErrorCode = 'INVALID_DATE' | 'CALENDAR_NOT_COVERED' | 'INVALID_CALENDAR_DATA';

/** Thrown for a malformed date, a date outside the years the calendar has data for, or inconsistent data. */
export class CalendarError extends Error {
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CalendarError';
  }
}
