import { isDomainError } from '@liaison/decider';
import { attendanceRate, emptyFigures } from './figures.js';
import { monthsOf, periodKeys, validateRange } from './periods.js';

describe('record periods', () => {
  it('covers a range with whole years where it can and months elsewhere', () => {
    expect(periodKeys({ from: '2026-01', to: '2026-12' })).toEqual(['2026']);
    expect(periodKeys({ from: '2025-11', to: '2027-02' })).toEqual([
      '2025-11',
      '2025-12',
      '2026',
      '2027-01',
      '2027-02',
    ]);
    expect(periodKeys({ from: '2026-03', to: '2026-03' })).toEqual(['2026-03']);
    expect(monthsOf({ from: '2026-11', to: '2027-01' })).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('refuses malformed, reversed and over-long ranges', () => {
    expect(isDomainError(validateRange({ from: '2026-13', to: '2026-12' }))).toBe(true);
    expect(isDomainError(validateRange({ from: '2026-05', to: '2026-04' }))).toBe(true);
    expect(isDomainError(validateRange({ from: '2010-01', to: '2026-12' }))).toBe(true);
    expect(validateRange({ from: '2017-01', to: '2026-12' })).toEqual({ from: '2017-01', to: '2026-12' });
  });

  it('derives the attendance rate with leave excused, null when nothing was due', () => {
    expect(attendanceRate({ ...emptyFigures(), attended: 11, noShows: 1, leave: 2 })).toBe(0.9167);
    expect(attendanceRate({ ...emptyFigures(), leave: 1 })).toBeNull();
  });
});
