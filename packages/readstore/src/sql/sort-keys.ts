// Sort keys of a find: declared fields in the asked order and direction, then `id` ascending as tie-breaker.
import type { CollectionSpec, FindQuery, Scalar, SortDirection } from '../read-store.js';
import { ReadStoreError } from '../errors.js';
import { resolveField, SQL_TYPE, type ResolvedField } from './field-expressions.js';
import { describeValue } from './query-values.js';
import type { SqlParameters } from './sql-parameters.js';

export interface SortKey extends ResolvedField {
  direction: SortDirection;
}

/** Validates `sort` and returns its keys, always ending at `id` (a unique key, so the order is total). */
export function sortKeys(spec: CollectionSpec, sort: FindQuery['sort']): SortKey[] {
  if (sort !== undefined && !Array.isArray(sort)) {
    throw new ReadStoreError(
      'INVALID_QUERY',
      `expected sort as a list of [field, direction] pairs, received ${describeValue(sort)}`,
    );
  }
  const keys: SortKey[] = [];
  for (const entry of sort ?? []) {
    const [path, direction] = Array.isArray(entry) ? (entry as unknown[]) : [];
    if (typeof path !== 'string' || (direction !== 'asc' && direction !== 'desc')) {
      throw new ReadStoreError(
        'INVALID_QUERY',
        `expected a sort key [field, 'asc' | 'desc'], received ${describeValue(entry)}`,
      );
    }
    if (keys.some((key) => key.path === path)) {
      throw new ReadStoreError('INVALID_QUERY', `expected each sort field once, received "${path}" twice`);
    }
    keys.push({ ...resolveField(spec, path, 'sort'), direction });
    // `id` is unique: keys after it could never decide an order.
    if (path === 'id') return keys;
  }
  keys.push({ ...resolveField(spec, 'id', 'sort'), direction: 'asc' });
  return keys;
}

/** One ORDER BY term: missing and null values sort lowest, first ascending and last descending. */
export function orderTerm(key: SortKey, expression: string = key.expression): string {
  if (!key.nullable) return `${expression} ${key.direction === 'asc' ? 'ASC' : 'DESC'}`;
  return key.direction === 'asc' ? `${expression} ASC NULLS FIRST` : `${expression} DESC NULLS LAST`;
}

/**
 * The condition selecting rows strictly after the row whose key values are `after` in this order.
 * Ascending throughout with no null in the cursor is one row comparison an index can seek to; otherwise it
 * is the expansion k1 > v1 OR (k1 = v1 AND k2 > v2) OR …, where "after" and "equal" follow null ordering.
 */
export function afterCondition(
  keys: readonly SortKey[],
  after: readonly Scalar[],
  params: SqlParameters,
): string {
  const placeholder = (key: SortKey, value: Scalar) => params.add(value, SQL_TYPE[key.kind]);
  if (keys.every((key, i) => key.direction === 'asc' && after[i] !== null)) {
    const left = keys.map((key) => key.expression).join(', ');
    const right = keys.map((key, i) => placeholder(key, after[i] ?? null)).join(', ');
    return `(${left}) > (${right})`;
  }
  const disjuncts: string[] = [];
  const equalities: string[] = [];
  keys.forEach((key, i) => {
    const value = after[i] ?? null;
    const beyond = beyondSql(key, value, placeholder);
    if (beyond !== null) disjuncts.push([...equalities, beyond].join(' AND '));
    // Every placeholder added must appear in the text: the last key's equality is never needed.
    if (i === keys.length - 1) return;
    equalities.push(
      value === null ? `${key.expression} IS NULL` : `${key.expression} = ${placeholder(key, value)}`,
    );
  });
  return disjuncts.length === 0 ? 'FALSE' : `(${disjuncts.map((d) => `(${d})`).join(' OR ')})`;
}

/** Rows past `value` on this key alone, or null when none can be (descending past a null). */
function beyondSql(
  key: SortKey,
  value: Scalar,
  placeholder: (key: SortKey, value: Scalar) => string,
): string | null {
  const e = key.expression;
  if (key.direction === 'asc')
    return value === null ? `${e} IS NOT NULL` : `${e} > ${placeholder(key, value)}`;
  if (value === null) return null;
  return key.nullable
    ? `(${e} < ${placeholder(key, value)} OR ${e} IS NULL)`
    : `${e} < ${placeholder(key, value)}`;
}
