// @liaison/calendar: China's working-day calendar (national holidays, make-up days, office adjustments).
export type { HolidayPeriod, HolidaySource, HolidayYear, IsoDate, MakeUpWorkingDay } from './holiday-year.js';
export type { OfficeCalendar, OfficeDay, OfficeDayKind } from './office-calendar.js';
export { CalendarError, type CalendarErrorCode } from './calendar-error.js';
export { NATIONAL_HOLIDAY_YEARS } from './national/index.js';
export {
  BEIJING,
  beijingDateOf,
  isIsoDate,
  parseIsoDate,
  plusDays,
  toIsoDate,
  weekdayOf,
} from './iso-date.js';
export {
  addWorkingDays,
  buildCalendar,
  calendarDay,
  isHoliday,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
  type CalendarDay,
  type CalendarOptions,
  type WorkingDayCalendar,
} from './working-day-calendar.js';
