// Turns the port's filter language into a MongoDB filter over the typed query fields of StoredRecord.
import type { Filter as MongoFilter } from 'mongodb';
import type { CollectionSpec, Filter, Scalar } from '../read-store.js';
import { ReadStoreError } from '../errors.js';
import { resolveField, type ResolvedField } from '../sql/field-expressions.js';
import { checkedScalar, checkedText, describeValue, invalidValue } from '../sql/query-values.js';
import { queryField, type StoredRecord } from './stored-record.js';

const RANGE_OPERATORS = { gt: '$gt', gte: '$gte', lt: '$lt', lte: '$lte' } as const;
type RangeOperator = keyof typeof RANGE_OPERATORS;

const isRangeOperator = (key: string): key is RangeOperator => Object.hasOwn(RANGE_OPERATORS, key);

/** Matches no record at all. */
export const NOTHING: MongoFilter<StoredRecord> = { _id: { $in: [] } };

/**
 * One MongoDB condition per filtered field (to be joined with $and); throws INVALID_QUERY on a bad filter,
 * with the same messages as the SQL adapter (validation is shared). Query fields hold null where a value is
 * missing or of another kind, so `null` equality, `$ne` and `$in` with null mean what they mean on SQL.
 */
export function filterConditions(
  spec: CollectionSpec,
  filter: Filter | undefined,
): Array<MongoFilter<StoredRecord>> {
  if (filter === undefined) return [];
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) {
    throw new ReadStoreError('INVALID_QUERY', `expected a filter object, received ${describeValue(filter)}`);
  }
  return Object.entries(filter).map(([path, condition]) =>
    conditionFilter(resolveField(spec, path, 'filter'), condition),
  );
}

function conditionFilter(field: ResolvedField, condition: unknown): MongoFilter<StoredRecord> {
  const at = (test: unknown): MongoFilter<StoredRecord> => ({ [queryField(field.path)]: test });
  if (condition === null || typeof condition !== 'object') {
    return at(checkedScalar(field, 'equality', condition, true));
  }
  if (Array.isArray(condition)) {
    throw invalidValue(field, 'equality', `a ${field.kind}, null or an operator object`, condition);
  }
  const operators = condition as Record<string, unknown>;
  const keys = Object.keys(operators);
  const [only] = keys;

  if (keys.length === 1 && only === 'eq') return at(checkedScalar(field, 'eq', operators.eq, true));
  if (keys.length === 1 && only === 'ne') return at({ $ne: checkedScalar(field, 'ne', operators.ne, true) });
  if (keys.length === 1 && only === 'in') {
    const list = operators.in;
    if (!Array.isArray(list))
      throw invalidValue(field, 'in', `an array of ${field.kind} values or nulls`, list);
    const values: Scalar[] = list.map((value: unknown) => checkedScalar(field, 'in', value, true));
    return at({ $in: values });
  }
  if (keys.length === 1 && only === 'prefix') {
    const prefix = checkedText(field, 'prefix', operators.prefix);
    // Anchored and case-sensitive, with every regular-expression metacharacter of the prefix escaped.
    return at({ $regex: `^${escapeRegex(prefix)}` });
  }
  if (keys.length === 1 && only === 'contains') {
    const text = checkedText(field, 'contains', operators.contains);
    // Not the `i` flag: it would fold non-ASCII letters too (É, é), which the SQL adapter compares exactly.
    return at({
      $regex: Array.from(text, (c) =>
        /[A-Za-z]/.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : escapeRegex(c),
      ).join(''),
    });
  }
  if (keys.length > 0 && keys.every(isRangeOperator)) {
    // A range compares within one BSON type, and query fields hold only the declared kind or null.
    return at(
      Object.fromEntries(
        keys.map((key) => [RANGE_OPERATORS[key], checkedScalar(field, key, operators[key], false)]),
      ),
    );
  }
  throw invalidValue(
    field,
    'an operator object',
    'one of { eq }, { ne }, { in }, { prefix }, { contains } or a combination of gt, gte, lt, lte',
    condition,
  );
}

/** `text` with every regular-expression metacharacter escaped, so it matches itself. */
function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
