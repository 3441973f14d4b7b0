// The SQL of find(): filter, keyset position and sort over one physical table, guarded by the alias.
import type { FindQuery } from '../read-store.js';
import { guardedByAlias, type AliasTarget } from './alias-resolver.js';
import { decodeCursor } from './cursor.js';
import { filterConditions } from './filter-sql.js';
import { documentTable } from './registry.js';
import { afterCondition, orderTerm, sortKeys, type SortKey } from './sort-keys.js';
import { SqlParameters } from './sql-parameters.js';

export interface FindStatement {
  text: string;
  values: unknown[];
  /** The sort keys; each row carries their values as k0, k1, … for the page's end cursor. */
  keys: SortKey[];
}

/**
 * Selects up to `first + 1` documents (the extra one tells whether a next page exists) with their sort-key
 * values. The outer ORDER BY repeats the order over the lateral read's columns, so the order never rests on
 * how the join happens to be executed.
 */
export function findStatement(
  logicalName: string,
  target: AliasTarget,
  query: FindQuery,
  first: number,
): FindStatement {
  const params = new SqlParameters();
  const logical = params.add(logicalName, 'text');
  const keys = sortKeys(target.spec, query.sort);
  const conditions = ['doc IS NOT NULL', ...filterConditions(target.spec, query.filter, params)];
  if (query.after !== undefined && query.after !== null) {
    conditions.push(afterCondition(keys, decodeCursor(keys, query.after), params));
  }
  const inner = `SELECT id, doc, ${keys.map((key, i) => `${key.expression} AS k${i}`).join(', ')}
    FROM ${documentTable(target.physical)}
    WHERE ${conditions.join('\n      AND ')}
    ORDER BY ${keys.map((key) => orderTerm(key)).join(', ')}
    LIMIT ${params.add(first + 1, 'integer')}`;
  const outerOrder = keys
    .map((key, i) => orderTerm(key, key.kind === 'string' ? `t.k${i} COLLATE "C"` : `t.k${i}`))
    .join(', ');
  return { text: guardedByAlias(logical, inner, outerOrder), values: params.values, keys };
}
