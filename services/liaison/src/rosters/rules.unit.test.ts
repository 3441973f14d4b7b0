import { buildCalendar } from '@liaison/calendar';
import { evaluateRoster, ruleDates, ruleProblem, type RosterRule } from './rules.js';

const calendar = buildCalendar();
const morning = { start: '09:00', end: '11:30' };
const afternoon = { start: '14:30', end: '17:00' };

describe('roster rule dates', () => {
  it('names a fixed day of the month, skipping months without it', () => {
    expect(ruleDates({ kind: 'day-of-month', day: 20, months: 'all', window: morning }, 2026)).toHaveLength(
      12,
    );
    expect(ruleDates({ kind: 'day-of-month', day: 31, months: 'all', window: morning }, 2026)).toEqual([
      '2026-01-31',
      '2026-03-31',
      '2026-05-31',
      '2026-07-31',
      '2026-08-31',
      '2026-10-31',
      '2026-12-31',
    ]);
  });

  it('keeps odd or even months only', () => {
    expect(ruleDates({ kind: 'day-of-month', day: 15, months: 'odd', window: morning }, 2026)).toEqual([
      '2026-01-15',
      '2026-03-15',
      '2026-05-15',
      '2026-07-15',
      '2026-09-15',
      '2026-11-15',
    ]);
    expect(ruleDates({ kind: 'day-of-month', day: 1, months: 'even', window: morning }, 2026)[0]).toBe(
      '2026-02-01',
    );
  });

  it('names the n-th and the last weekday of the month', () => {
    const firstTuesday: RosterRule = {
      kind: 'nth-weekday',
      n: 1,
      weekday: 2,
      months: 'all',
      window: morning,
    };
    expect(ruleDates(firstTuesday, 2026).slice(0, 3)).toEqual(['2026-01-06', '2026-02-03', '2026-03-03']);
    expect(ruleDates(firstTuesday, 2026)[8]).toBe('2026-09-01'); // the 1st itself is a Tuesday
    const lastFriday: RosterRule = { kind: 'nth-weekday', n: -1, weekday: 5, months: 'all', window: morning };
    expect(ruleDates(lastFriday, 2026).slice(8, 10)).toEqual(['2026-09-25', '2026-10-30']);
    // only months with five Tuesdays have a fifth one
    const fifthTuesday: RosterRule = {
      kind: 'nth-weekday',
      n: 5,
      weekday: 2,
      months: 'all',
      window: morning,
    };
    expect(ruleDates(fifthTuesday, 2026)).toEqual(['2026-03-31', '2026-06-30', '2026-09-29', '2026-12-29']);
  });

  it('names a weekday every week', () => {
    const mondays = ruleDates({ kind: 'weekly', weekday: 1, window: morning }, 2026);
    expect(mondays).toHaveLength(52);
    expect(mondays[0]).toBe('2026-01-05');
    expect(mondays.at(-1)).toBe('2026-12-28');
  });

  it('explains bad rules', () => {
    expect(ruleProblem({ kind: 'day-of-month', day: 32, months: 'all', window: morning })).toMatch(/1 to 31/);
    expect(ruleProblem({ kind: 'weekly', weekday: 8 as 1, window: morning })).toMatch(/weekday/);
    expect(ruleProblem({ kind: 'weekly', weekday: 1, window: { start: '11:00', end: '09:00' } })).toMatch(
      /start before/,
    );
    expect(ruleProblem({ kind: 'weekly', weekday: 1, window: { start: '9:00', end: '11:00' } })).toMatch(
      /HH:mm/,
    );
    expect(
      ruleProblem({ kind: 'nth-weekday', n: 6 as 1, weekday: 1, months: 'all', window: morning }),
    ).toMatch(/n of 1 to 5/);
    expect(ruleProblem({ kind: 'weekly', weekday: 3, window: afternoon })).toBeNull();
  });
});

describe('evaluating a roster across holidays', () => {
  const twentieth: RosterRule = { kind: 'day-of-month', day: 20, months: 'all', window: morning };

  it('moves a day on a public holiday to the next working day', () => {
    const days = evaluateRoster({
      year: 2026,
      rules: [twentieth],
      holidayPolicy: 'next-working-day',
      calendar,
    });
    expect(days).toHaveLength(12);
    expect(days[1]).toEqual({ date: '2026-02-24', window: morning, ruleIndex: 0, movedFrom: '2026-02-20' });
    // Dragon Boat Festival, Saturday 20 June, moves to Monday the 22nd
    expect(days[5]).toMatchObject({ date: '2026-06-22', movedFrom: '2026-06-20' });
    // an ordinary Sunday is not a holiday: the station chose the day, it stays
    expect(days[11]).toMatchObject({ date: '2026-12-20', movedFrom: null });
  });

  it('moves it to the previous working day, which may be a make-up Saturday', () => {
    const days = evaluateRoster({
      year: 2026,
      rules: [twentieth],
      holidayPolicy: 'previous-working-day',
      calendar,
    });
    expect(days[1]).toMatchObject({ date: '2026-02-14', movedFrom: '2026-02-20' });
  });

  it('skips it under the skip policy', () => {
    const days = evaluateRoster({ year: 2026, rules: [twentieth], holidayPolicy: 'skip', calendar });
    expect(days.map((day) => day.date)).not.toContain('2026-02-20');
    expect(days.map((day) => day.date)).not.toContain('2026-06-20');
    expect(days).toHaveLength(10);
  });

  it('merges days two rules or two moves reach, keeping the first', () => {
    const mondays: RosterRule = { kind: 'weekly', weekday: 1, window: afternoon };
    // Spring Festival Mondays 16 and 23 February both move to Tuesday the 24th
    const next = evaluateRoster({
      year: 2026,
      rules: [mondays],
      holidayPolicy: 'next-working-day',
      calendar,
    });
    expect(next).toHaveLength(51);
    expect(next.filter((day) => day.date === '2026-02-24')).toEqual([
      { date: '2026-02-24', window: afternoon, ruleIndex: 0, movedFrom: '2026-02-16' },
    ]);
    const skipped = evaluateRoster({ year: 2026, rules: [mondays], holidayPolicy: 'skip', calendar });
    expect(skipped).toHaveLength(47); // 16 and 23 Feb, 6 Apr, 4 May, 5 Oct
    const both = evaluateRoster({
      year: 2026,
      rules: [twentieth, { kind: 'nth-weekday', n: 3, weekday: 1, months: 'all', window: afternoon }],
      holidayPolicy: 'skip',
      calendar,
    });
    // 20 April 2026 is the third Monday: one day, the first rule's window
    expect(both.filter((day) => day.date === '2026-04-20')).toEqual([
      { date: '2026-04-20', window: morning, ruleIndex: 0, movedFrom: null },
    ]);
  });

  it('adds explicit extra days and removes cancellations, sorted by date', () => {
    const days = evaluateRoster({
      year: 2026,
      rules: [twentieth],
      holidayPolicy: 'skip',
      calendar,
      extraDays: [{ date: '2026-03-05', window: afternoon }],
      cancellations: ['2026-03-20', '2026-07-20'],
    });
    expect(days.slice(1, 3)).toEqual([
      { date: '2026-03-05', window: afternoon, ruleIndex: null, movedFrom: null },
      { date: '2026-04-20', window: morning, ruleIndex: 0, movedFrom: null },
    ]);
    expect(days).toHaveLength(9); // 12 − February and June (holidays) − two cancellations + one extra
  });

  it('drops a day moved out of the year', () => {
    const firstOfJanuary: RosterRule = { kind: 'day-of-month', day: 1, months: 'all', window: morning };
    const days = evaluateRoster({
      year: 2026,
      rules: [firstOfJanuary],
      holidayPolicy: 'previous-working-day',
      calendar,
    });
    expect(days[0]?.date).toBe('2026-02-01');
  });
});
