// Checks the values a query compares with a field against the field's declared kind.
import type { Scalar } from '../read-store.js';
import { ReadStoreError } from '../errors.js';
import type { ResolvedField } from './field-expressions.js';

/** A short, readable rendering of a received value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  const type = Array.isArray(value) ? 'array' : typeof value;
  let text: string;
  try {
    text = JSON.stringify(value) ?? type;
  } catch {
    text = type;
  }
  if (text.length > 60) text = `${text.slice(0, 57)}...`;
  return `${text} (${type})`;
}

/** An INVALID_QUERY error saying what a field's operator expected and what it received. */
export function invalidValue(
  field: ResolvedField,
  operator: string,
  expected: string,
  received: unknown,
): ReadStoreError {
  return new ReadStoreError(
    'INVALID_QUERY',
    `filter on "${field.path}" (${field.kind}) with ${operator}: expected ${expected}, received ${describeValue(received)}`,
  );
}

/** Returns `value` when it fits the field's kind (or is null where null is allowed); throws INVALID_QUERY otherwise. */
export function checkedScalar(
  field: ResolvedField,
  operator: string,
  value: unknown,
  allowNull: boolean,
): Scalar {
  if (value === null && allowNull) return null;
  if (fitsKind(field, value)) return value;
  throw invalidValue(field, operator, `a ${field.kind}${allowNull ? ' or null' : ''}`, value);
}

/** True when `value` is a non-null value of the field's kind (numbers must be finite). */
export function fitsKind(
  field: Pick<ResolvedField, 'kind'>,
  value: unknown,
): value is string | number | boolean {
  switch (field.kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
  }
}

/** The text of a `prefix` or `contains` condition: only on a string field, and only a string. */
export function checkedText(field: ResolvedField, operator: 'prefix' | 'contains', value: unknown): string {
  if (field.kind !== 'string') throw invalidValue(field, operator, 'a string field', `a ${field.kind} field`);
  if (typeof value !== 'string') throw invalidValue(field, operator, 'a string', value);
  return value;
}
