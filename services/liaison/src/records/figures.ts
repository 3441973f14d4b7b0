// Performance figures (履职数据): the counters every record and report adds up, and the rates derived from them.

export const FIGURE_NAMES = [
  'dutyDays',
  'attended',
  'late',
  'earlyDepartures',
  'noShows',
  'leave',
  'votersReceived',
  'opinionsRecorded',
  'suggestions',
  'activities',
] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

/** Counts over a period: duty days assigned and how they went, casework, and activities attended. */
export type Figures = Record<FigureName, number>;

/** All zero. */
export function emptyFigures(): Figures {
  return Object.fromEntries(FIGURE_NAMES.map((name) => [name, 0])) as Figures;
}

/** `a + b` field by field (missing fields count as zero). */
export function addFigures(a: Figures, b: Partial<Figures>): Figures {
  const sum = { ...a };
  for (const name of FIGURE_NAMES) sum[name] += b[name] ?? 0;
  return sum;
}

/** The sum of many. */
export function sumFigures(all: Iterable<Partial<Figures>>): Figures {
  let total = emptyFigures();
  for (const figures of all) total = addFigures(total, figures);
  return total;
}

/**
 * Attendance rate (出勤率): duty days attended over duty days due, where approved leave excuses a day
 * (a day on leave is neither attended nor due). Null when no duty day was due. Four decimals (0.9167).
 */
export function attendanceRate(figures: Figures): number | null {
  const due = figures.attended + figures.noShows;
  return due === 0 ? null : Math.round((figures.attended / due) * 10_000) / 10_000;
}
