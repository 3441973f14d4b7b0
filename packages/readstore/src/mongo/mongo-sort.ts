// Sort documents and keyset conditions for find(): the SQL adapter's order (nulls lowest, `id` last) in MongoDB.
import type { Filter as MongoFilter, Sort } from 'mongodb';
import type { Scalar } from '../read-store.js';
import type { SortKey } from '../sql/sort-keys.js';
import { NOTHING } from './mongo-filter.js';
import { queryField, type StoredRecord } from './stored-record.js';

/** The MongoDB sort for the keys (MongoDB, like the port, orders null lowest and strings by their bytes). */
export function sortDocument(keys: readonly SortKey[]): Sort {
  return Object.fromEntries(keys.map((key) => [queryField(key.path), key.direction === 'asc' ? 1 : -1]));
}

/**
 * Records strictly after the one whose key values are `after`, in this order: the expansion
 * k1 > v1 OR (k1 = v1 AND k2 > v2) OR …, where "after" and "equal" follow null ordering.
 */
export function afterCondition(
  keys: readonly SortKey[],
  after: readonly Scalar[],
): MongoFilter<StoredRecord> {
  const disjuncts: Array<MongoFilter<StoredRecord>> = [];
  const equalities: Array<MongoFilter<StoredRecord>> = [];
  keys.forEach((key, i) => {
    const field = queryField(key.path);
    const value = after[i] ?? null;
    const beyond = beyondCondition(key, field, value);
    if (beyond !== null) disjuncts.push(equalities.length === 0 ? beyond : { $and: [...equalities, beyond] });
    equalities.push({ [field]: value });
  });
  return disjuncts.length === 0 ? NOTHING : { $or: disjuncts };
}

/** Records past `value` on this key alone, or null when none can be (descending past a null). */
function beyondCondition(key: SortKey, field: string, value: Scalar): MongoFilter<StoredRecord> | null {
  if (key.direction === 'asc') return { [field]: value === null ? { $ne: null } : { $gt: value } };
  if (value === null) return null;
  return key.nullable
    ? { $or: [{ [field]: { $lt: value } }, { [field]: null }] }
    : { [field]: { $lt: value } };
}
