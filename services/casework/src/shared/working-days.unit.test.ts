import type { OfficeCalendar } from '@liaison/calendar';
import {
  beijingDate,
  nationalOfficeCalendars,
  nationalWorkingDays,
  officeAncestry,
  weekdayCalendar,
} from './working-days.js';

describe('weekday calendar', () => {
  it('adds working days skipping weekends', async () => {
    // 2026-03-06 is a Friday
    await expect(weekdayCalendar.addWorkingDays('2026-03-06', 1)).resolves.toBe('2026-03-09');
    await expect(weekdayCalendar.addWorkingDays('2026-03-02', 10)).resolves.toBe('2026-03-16');
  });

  it('counts the working days after one date up to another', async () => {
    await expect(weekdayCalendar.workingDaysBetween('2026-03-02', '2026-03-16')).resolves.toBe(10);
    await expect(weekdayCalendar.workingDaysBetween('2026-03-06', '2026-03-08')).resolves.toBe(0);
    await expect(weekdayCalendar.workingDaysBetween('2026-03-09', '2026-03-02')).resolves.toBe(0);
  });

  it('reads instants as Beijing dates', () => {
    expect(beijingDate('2026-03-01T16:00:00Z')).toBe('2026-03-02');
    expect(beijingDate('2026-03-01T15:59:59Z')).toBe('2026-03-01');
  });
});

describe('deadlines on the national calendar', () => {
  const calendar = nationalWorkingDays();

  it('skips the National Day holiday and counts a make-up Sunday as a working day', async () => {
    expect(await calendar.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(await calendar.workingDaysBetween('2025-09-26', '2025-09-29')).toBe(2);
    expect(await calendar.workingDaysBetween('2025-09-29', '2025-09-26')).toBe(0);
  });
});

describe('deadlines on an office calendar', () => {
  // The county office 'c' declared Wednesday 2026-03-25 off; the township office 't' declared nothing.
  const declared: Record<string, OfficeCalendar> = {
    c: { officeId: 'c', version: 1, days: [{ date: '2026-03-25', kind: 'holiday', name: 'Flood clean-up' }] },
    t: { officeId: 't', version: 0, days: [] },
  };
  const asked: string[][] = [];
  const calendars = nationalOfficeCalendars((ancestry) => {
    asked.push([...ancestry]);
    return Promise.resolve(ancestry.flatMap((id) => (declared[id] ? [declared[id]] : [])));
  });

  it("moves a deadline by one working day for the office's holiday inside its window", async () => {
    expect(await (await calendars.forOffice([])).addWorkingDays('2026-03-23', 5)).toBe('2026-03-30');
    expect(await (await calendars.forOffice(['p', 'c'])).addWorkingDays('2026-03-23', 5)).toBe('2026-03-31');
    // an office below applies the adjustments of the offices above it
    expect(await (await calendars.forOffice(['p', 'c', 't'])).addWorkingDays('2026-03-23', 5)).toBe(
      '2026-03-31',
    );
    expect(await (await calendars.forOffice(['p', 'c'])).workingDaysBetween('2026-03-23', '2026-03-27')).toBe(
      3,
    );
    // a holiday outside the window changes nothing
    expect(await (await calendars.forOffice(['p', 'c'])).addWorkingDays('2026-03-26', 2)).toBe('2026-03-30');
    expect(asked).toContainEqual(['p', 'c']);
  });

  it('picks the acting office on the case path, else the case jurisdiction', () => {
    expect(officeAncestry(['p', 'c', 't'], 'c')).toEqual(['p', 'c']);
    expect(officeAncestry(['p', 'c', 't'], 't')).toEqual(['p', 'c', 't']);
    expect(officeAncestry(['p', 'c', 't'], null)).toEqual(['p', 'c', 't']);
    expect(officeAncestry(['p', 'c', 't'], 'elsewhere')).toEqual(['p', 'c', 't']);
  });
});
