import { beijingDate, weekdayCalendar, nationalWorkingDays } from './working-days.js';

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
