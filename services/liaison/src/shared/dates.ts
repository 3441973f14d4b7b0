// Calendar dates in Beijing time (Asia/Shanghai, UTC+8 all year: China keeps no daylight saving time).

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The Beijing calendar date (YYYY-MM-DD) of an instant given as ISO-8601. */
export function shanghaiDate(instant: string): string {
  return new Date(Date.parse(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isLocalDate(value: string): boolean {
  if (!LOCAL_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
