import {
  addWorkingDays,
  beijingDateOf,
  buildCalendar,
  calendarDay,
  CalendarError,
  isHoliday,
  isWorkingDay,
  NATIONAL_HOLIDAY_YEARS,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
  type HolidayYear,
} from './index.js';

const national = buildCalendar();

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof CalendarError ? error.code : `not a CalendarError: ${String(error)}`;
  }
}

describe('national data', () => {
  it('ships 2024, 2025 and 2026, each citing the State Council General Office notice for its year', () => {
    expect(NATIONAL_HOLIDAY_YEARS.map((year) => year.year)).toEqual([2024, 2025, 2026]);
    for (const year of NATIONAL_HOLIDAY_YEARS) {
      expect(year.source.title).toBe(`国务院办公厅关于${year.year}年部分节假日安排的通知`);
      expect(year.source.issuedOn < `${year.year}-01-01`).toBe(true);
    }
    expect(national.versions).toEqual(['national-2024@1', 'national-2025@1', 'national-2026@1']);
  });

  it('gives Spring Festival 8 days and Labour Day 5 in 2025, from the extra statutory day each gained', () => {
    const daysOff = (from: string, to: string) => workingDaysBetween(national, from, to);
    // every day of the 2025 Spring Festival break is a holiday, the eve (除夕) included
    for (const date of ['2025-01-28', '2025-01-31', '2025-02-04'])
      expect(isHoliday(national, date)).toBe(true);
    expect(daysOff('2025-01-27', '2025-02-04')).toBe(0);
    expect(isWorkingDay(national, '2025-02-05')).toBe(true);
    // 2024's eve was only encouraged as a day of rest: a working day
    expect(isWorkingDay(national, '2024-02-09')).toBe(true);
    expect(calendarDay(national, '2025-05-05')).toEqual({
      date: '2025-05-05',
      kind: 'holiday',
      name: '劳动节',
      source: 'national',
    });
  });

  it('treats make-up Saturdays and Sundays as working days', () => {
    expect(calendarDay(national, '2024-02-04')).toMatchObject({ kind: 'make-up-working-day', name: '春节' });
    for (const date of ['2024-02-04', '2024-02-18', '2025-01-26', '2025-02-08', '2026-01-04', '2026-02-28']) {
      expect(isWorkingDay(national, date)).toBe(true);
      expect(isHoliday(national, date)).toBe(false);
    }
    // an ordinary weekend is neither a working day nor a holiday
    expect(calendarDay(national, '2026-03-07')).toMatchObject({ kind: 'weekend', source: 'weekday' });
    expect(isHoliday(national, '2026-03-07')).toBe(false);
  });

  it('knows the 2026 arrangements (a 9-day Spring Festival, National Day without Mid-Autumn)', () => {
    expect(isHoliday(national, '2026-02-15')).toBe(true);
    expect(isHoliday(national, '2026-02-23')).toBe(true);
    expect(isWorkingDay(national, '2026-02-24')).toBe(true);
    expect(isHoliday(national, '2026-09-25')).toBe(true);
    expect(isWorkingDay(national, '2026-10-08')).toBe(true);
    expect(isWorkingDay(national, '2026-10-10')).toBe(true); // Saturday, make-up for National Day
  });
});

describe('stepping and counting working days', () => {
  it('finds the next and previous working day across a holiday and its make-up day', () => {
    expect(nextWorkingDay(national, '2026-04-30')).toBe('2026-05-06');
    expect(nextWorkingDay(national, '2026-05-08')).toBe('2026-05-09'); // make-up Saturday
    expect(previousWorkingDay(national, '2026-05-06')).toBe('2026-04-30');
    expect(previousWorkingDay(national, '2026-10-12')).toBe('2026-10-10');
    expect(nextWorkingDay(national, '2026-03-06')).toBe('2026-03-09'); // Friday → Monday
  });

  it('adds working days from the day after, skipping holidays and counting make-up days', () => {
    expect(addWorkingDays(national, '2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays(national, '2026-09-30', 3)).toBe('2026-10-10'); // Thu 8, Fri 9, Sat 10 (make-up)
    expect(addWorkingDays(national, '2026-09-30', 0)).toBe('2026-09-30');
    expect(addWorkingDays(national, '2026-10-08', -1)).toBe('2026-09-30');
    expect(addWorkingDays(national, '2026-02-13', 1)).toBe('2026-02-14'); // make-up Saturday before Spring Festival
    expect(addWorkingDays(national, '2026-02-14', 1)).toBe('2026-02-24');
  });

  it('counts working days between two dates, the inverse of addWorkingDays', () => {
    // February 2026: 20 weekdays − 6 Spring Festival weekdays + 2 make-up Saturdays; the year: 261 − 19 + 6
    expect(workingDaysBetween(national, '2026-02-01', '2026-02-28')).toBe(16);
    expect(workingDaysBetween(national, '2026-02-28', '2026-02-01')).toBe(-16);
    expect(workingDaysBetween(national, '2026-01-01', '2026-12-31')).toBe(248);
    for (const start of ['2024-12-20', '2025-09-25', '2026-01-30', '2026-06-15']) {
      for (const n of [1, 5, 15, 30]) {
        expect(workingDaysBetween(national, start, addWorkingDays(national, start, n))).toBe(n);
      }
    }
  });

  it('reads instants as Beijing dates', () => {
    expect(beijingDateOf('2026-04-30T16:30:00Z')).toBe('2026-05-01');
    expect(beijingDateOf(new Date('2026-04-30T15:59:59Z'))).toBe('2026-04-30');
  });
});

describe('office adjustments', () => {
  const office = buildCalendar({
    offices: [
      {
        officeId: 'county-1',
        version: 3,
        days: [
          { date: '2026-03-03', kind: 'holiday', name: '三月三 (local festival)' },
          { date: '2026-03-07', kind: 'working-day', name: 'make-up for 三月三' },
        ],
      },
      {
        officeId: 'township-9',
        version: 1,
        days: [{ date: '2026-03-03', kind: 'working-day', name: 'township works through' }],
      },
    ],
  });

  it('applies offices in order, the later one winning, and records their versions', () => {
    expect(isWorkingDay(office, '2026-03-07')).toBe(true);
    expect(calendarDay(office, '2026-03-03')).toMatchObject({
      kind: 'make-up-working-day',
      source: 'office',
    });
    expect(office.versions).toContain('office-county-1@3');
    expect(office.versions).toContain('office-township-9@1');
    const countyOnly = buildCalendar({ offices: [{ officeId: 'county-1', version: 3, days: [] }] });
    expect(workingDaysBetween(countyOnly, '2026-03-01', '2026-03-08')).toBe(5);
    expect(workingDaysBetween(office, '2026-03-01', '2026-03-08')).toBe(6);
  });
});

describe('bad input and coverage', () => {
  it('refuses malformed dates with INVALID_DATE', () => {
    expect(codeOf(() => isWorkingDay(national, '2026-02-30'))).toBe('INVALID_DATE');
    expect(codeOf(() => isWorkingDay(national, '2026-2-3'))).toBe('INVALID_DATE');
    expect(codeOf(() => addWorkingDays(national, '2026-02-03', 1.5))).toBe('INVALID_DATE');
  });

  it('refuses dates in years without national data unless asked to fall back to weekends', () => {
    expect(codeOf(() => isWorkingDay(national, '2027-01-04'))).toBe('CALENDAR_NOT_COVERED');
    expect(codeOf(() => nextWorkingDay(national, '2026-12-31'))).toBe('CALENDAR_NOT_COVERED');
    const lenient = buildCalendar({ outsideCoverage: 'weekends' });
    expect(nextWorkingDay(lenient, '2026-12-31')).toBe('2027-01-01');
  });

  it('refuses inconsistent data with INVALID_CALENDAR_DATA', () => {
    const base: HolidayYear = { ...NATIONAL_HOLIDAY_YEARS[2]!, holidays: [], makeUpWorkingDays: [] };
    expect(
      codeOf(() =>
        buildCalendar({ years: [{ ...base, makeUpWorkingDays: [{ date: '2026-03-04', for: 'x' }] }] }),
      ),
    ).toBe('INVALID_CALENDAR_DATA'); // a Wednesday cannot be a make-up day
    expect(
      codeOf(() =>
        buildCalendar({
          years: [
            {
              ...base,
              holidays: [{ name: 'x', englishName: 'x', from: '2026-05-01', to: '2026-05-02' }],
              makeUpWorkingDays: [{ date: '2026-05-02', for: 'x' }],
            },
          ],
        }),
      ),
    ).toBe('INVALID_CALENDAR_DATA');
    expect(codeOf(() => buildCalendar({ years: [base, base] }))).toBe('INVALID_CALENDAR_DATA');
  });
});
