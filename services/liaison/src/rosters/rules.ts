// Roster rules and their evaluation: which days of a year a station receives voters, in Beijing time.
import {
  isHoliday,
  nextWorkingDay,
  parseIsoDate,
  previousWorkingDay,
  toIsoDate,
  type IsoDate,
  type WorkingDayCalendar,
} from '@liaison/calendar';

/** A reception window in Beijing local time, `HH:mm`–`HH:mm`, start before end, within one day. */
export interface TimeWindow {
  start: string;
  end: string;
}

/** Which months a monthly rule applies to. */
export type MonthFilter = 'all' | 'odd' | 'even';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type RosterRule =
  /** A fixed day of the month (the 20th); months without that day (the 31st in April) are skipped. */
  | { kind: 'day-of-month'; day: number; months: MonthFilter; window: TimeWindow }
  /** The n-th weekday of the month (the first Tuesday); n = -1 is the last. */
  | {
      kind: 'nth-weekday';
      n: 1 | 2 | 3 | 4 | 5 | -1;
      weekday: Weekday;
      months: MonthFilter;
      window: TimeWindow;
    }
  /** A weekday every week (every Monday). */
  | { kind: 'weekly'; weekday: Weekday; window: TimeWindow };

/** What happens to a rule's day that falls on a public holiday. */
export type HolidayPolicy = 'skip' | 'next-working-day' | 'previous-working-day';

/** One reception day the rules (or an explicit addition) produce. */
export interface RosterDay {
  date: IsoDate;
  window: TimeWindow;
  /** The index of the rule that produced it, or null for an explicit extra day. */
  ruleIndex: number | null;
  /** The holiday the day was moved from, when it was moved. */
  movedFrom: IsoDate | null;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Why a rule or window is unusable, or null when it is fine. */
export function ruleProblem(rule: RosterRule): string | null {
  const window = windowProblem(rule.window);
  if (window) return window;
  switch (rule.kind) {
    case 'day-of-month':
      return Number.isInteger(rule.day) && rule.day >= 1 && rule.day <= 31
        ? null
        : `expected a day of the month from 1 to 31, received ${rule.day}`;
    case 'nth-weekday':
      if (![1, 2, 3, 4, 5, -1].includes(rule.n))
        return `expected n of 1 to 5 or -1 (last), received ${rule.n}`;
      return weekdayProblem(rule.weekday);
    case 'weekly':
      return weekdayProblem(rule.weekday);
  }
}

/** Why a window is unusable, or null when it is fine. */
export function windowProblem(window: TimeWindow): string | null {
  if (!TIME.test(window.start) || !TIME.test(window.end)) {
    return `expected times as HH:mm, received ${window.start}–${window.end}`;
  }
  return window.start < window.end
    ? null
    : `expected the window to start before it ends, received ${window.start}–${window.end}`;
}

function weekdayProblem(weekday: number): string | null {
  return Number.isInteger(weekday) && weekday >= 1 && weekday <= 7
    ? null
    : `expected a weekday from 1 (Monday) to 7 (Sunday), received ${weekday}`;
}

/** The dates a rule names in `year`, before any holiday moves, ascending. */
export function ruleDates(rule: RosterRule, year: number): IsoDate[] {
  const dates: IsoDate[] = [];
  if (rule.kind === 'weekly') {
    let day = parseIsoDate(`${year}-01-01`);
    day = day.plus({ days: (rule.weekday - day.weekday + 7) % 7 });
    for (; day.year === year; day = day.plus({ weeks: 1 })) dates.push(toIsoDate(day));
    return dates;
  }
  for (let month = 1; month <= 12; month++) {
    if (rule.months === 'odd' && month % 2 === 0) continue;
    if (rule.months === 'even' && month % 2 === 1) continue;
    const first = parseIsoDate(`${year}-${String(month).padStart(2, '0')}-01`);
    if (rule.kind === 'day-of-month') {
      if (rule.day <= first.daysInMonth) dates.push(toIsoDate(first.set({ day: rule.day })));
      continue;
    }
    if (rule.n === -1) {
      const last = first.endOf('month').startOf('day');
      dates.push(toIsoDate(last.minus({ days: (last.weekday - rule.weekday + 7) % 7 })));
    } else {
      const firstMatch = first.plus({ days: (rule.weekday - first.weekday + 7) % 7 });
      const nth = firstMatch.plus({ weeks: rule.n - 1 });
      if (nth.month === month) dates.push(toIsoDate(nth));
    }
  }
  return dates;
}

/**
 * Evaluates a station's rules for a year: each rule's dates, holidays moved by `policy`, then explicit extra
 * days added and cancellations removed. A date reached twice keeps the first rule's window; a day moved out of
 * the year is dropped (it belongs to no roster of this year). Sorted by date.
 */
export function evaluateRoster(input: {
  year: number;
  rules: readonly RosterRule[];
  holidayPolicy: HolidayPolicy;
  calendar: WorkingDayCalendar;
  extraDays?: readonly { date: IsoDate; window: TimeWindow }[];
  cancellations?: readonly IsoDate[];
}): RosterDay[] {
  const days = new Map<IsoDate, RosterDay>();
  input.rules.forEach((rule, ruleIndex) => {
    for (const date of ruleDates(rule, input.year)) {
      let actual: IsoDate | null = date;
      if (isHoliday(input.calendar, date)) {
        actual =
          input.holidayPolicy === 'skip'
            ? null
            : input.holidayPolicy === 'next-working-day'
              ? nextWorkingDay(input.calendar, date)
              : previousWorkingDay(input.calendar, date);
      }
      if (actual === null || !actual.startsWith(`${input.year}-`) || days.has(actual)) continue;
      days.set(actual, {
        date: actual,
        window: rule.window,
        ruleIndex,
        movedFrom: actual === date ? null : date,
      });
    }
  });
  for (const extra of input.extraDays ?? []) {
    days.set(extra.date, { date: extra.date, window: extra.window, ruleIndex: null, movedFrom: null });
  }
  for (const date of input.cancellations ?? []) days.delete(date);
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}
