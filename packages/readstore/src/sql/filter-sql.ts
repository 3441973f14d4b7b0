// Turns the port's filter language into SQL conditions whose values all travel as parameters.
import type { CollectionSpec, Filter } from '../read-store.js';
import { ReadStoreError } from '../errors.js';
import { foldAsciiCase } from '../text-match.js';
import { resolveField, SQL_TYPE, type ResolvedField } from './field-expressions.js';
import { checkedScalar, checkedText, describeValue, invalidValue } from './query-values.js';
import type { SqlParameters } from './sql-parameters.js';

const RANGE_OPERATORS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
type RangeOperator = keyof typeof RANGE_OPERATORS;

const isRangeOperator = (key: string): key is RangeOperator => Object.hasOwn(RANGE_OPERATORS, key);

/** One SQL condition per filtered field (to be joined with AND); throws INVALID_QUERY on a bad filter. */
export function filterConditions(
  spec: CollectionSpec,
  filter: Filter | undefined,
  params: SqlParameters,
): string[] {
  if (filter === undefined) return [];
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) {
    throw new ReadStoreError('INVALID_QUERY', `expected a filter object, received ${describeValue(filter)}`);
  }
  return Object.entries(filter).map(([path, condition]) =>
    conditionSql(resolveField(spec, path, 'filter'), condition, params),
  );
}

function conditionSql(field: ResolvedField, condition: unknown, params: SqlParameters): string {
  if (condition === null || typeof condition !== 'object') {
    return equalsSql(field, checkedScalar(field, 'equality', condition, true), params);
  }
  if (Array.isArray(condition)) {
    throw invalidValue(field, 'equality', `a ${field.kind}, null or an operator object`, condition);
  }
  const operators = condition as Record<string, unknown>;
  const keys = Object.keys(operators);
  const [only] = keys;
  const e = field.expression;
  const type = SQL_TYPE[field.kind];

  if (keys.length === 1 && only === 'eq')
    return equalsSql(field, checkedScalar(field, 'eq', operators.eq, true), params);
  if (keys.length === 1 && only === 'ne') {
    const value = checkedScalar(field, 'ne', operators.ne, true);
    return value === null ? `${e} IS NOT NULL` : `${e} IS DISTINCT FROM ${params.add(value, type)}`;
  }
  if (keys.length === 1 && only === 'in') {
    const list = operators.in;
    if (!Array.isArray(list))
      throw invalidValue(field, 'in', `an array of ${field.kind} values or nulls`, list);
    const values = list.map((value: unknown) => checkedScalar(field, 'in', value, true));
    const present = values.filter((value) => value !== null);
    const parts: string[] = [];
    if (present.length > 0) parts.push(`${e} = ANY(${params.add(present, `${type}[]`)})`);
    if (present.length < values.length) parts.push(`${e} IS NULL`);
    return parts.length === 0 ? 'FALSE' : `(${parts.join(' OR ')})`;
  }
  if (keys.length === 1 && only === 'prefix') {
    const prefix = checkedText(field, 'prefix', operators.prefix);
    // LIKE in byte order (the expression is COLLATE "C"), with the prefix's own wildcards escaped.
    return `${e} LIKE ${params.add(`${escapeLike(prefix)}%`, 'text')}`;
  }
  if (keys.length === 1 && only === 'contains') {
    const text = checkedText(field, 'contains', operators.contains);
    // lower() under COLLATE "C" folds ASCII letters only, as foldAsciiCase does to the text.
    return `lower(${e}) LIKE ${params.add(`%${escapeLike(foldAsciiCase(text))}%`, 'text')}`;
  }
  if (keys.length > 0 && keys.every(isRangeOperator)) {
    return keys
      .map(
        (key) =>
          `${e} ${RANGE_OPERATORS[key]} ${params.add(checkedScalar(field, key, operators[key], false), type)}`,
      )
      .join(' AND ');
  }
  throw invalidValue(
    field,
    'an operator object',
    'one of { eq }, { ne }, { in }, { prefix }, { contains } or a combination of gt, gte, lt, lte',
    condition,
  );
}

function equalsSql(
  field: ResolvedField,
  value: string | number | boolean | null,
  params: SqlParameters,
): string {
  if (value === null) return `${field.expression} IS NULL`;
  return `${field.expression} = ${params.add(value, SQL_TYPE[field.kind])}`;
}

/** `text` with LIKE's wildcards and its escape character escaped, so each means itself. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
