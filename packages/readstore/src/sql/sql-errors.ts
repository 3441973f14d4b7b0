// Recognises the few PostgreSQL errors the adapter turns into port errors (same SQLSTATE on both drivers).

/** SQLSTATE 42P01: a statement named a table that does not exist (a collection never created or dropped). */
export function isUndefinedTable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '42P01';
}
