// The page size rule every adapter applies to FindQuery.first.
import { ReadStoreError } from './errors.js';
import { describeValue } from './sql/query-values.js';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

/** The page size asked for, defaulting to 50 and capped at 1,000; INVALID_QUERY unless a whole number ≥ 0. */
export function pageSize(first: unknown): number {
  if (first === undefined) return DEFAULT_PAGE_SIZE;
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 0) {
    throw new ReadStoreError(
      'INVALID_QUERY',
      `expected first to be a whole number from 0, received ${describeValue(first)}`,
    );
  }
  return Math.min(first, MAX_PAGE_SIZE);
}
