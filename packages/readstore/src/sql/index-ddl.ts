// Index statements for a collection's declared indexes, built on exactly the expressions find() uses.
import { createHash } from 'node:crypto';
import { quoteIdent } from '@liaison/sql';
import type { CollectionSpec, IndexSpec } from '../read-store.js';
import { canonicalJson } from './collection-spec.js';
import { fieldExpression } from './field-expressions.js';

/**
 * One CREATE INDEX per declared index. Field columns are NULLS FIRST so that an ascending sort (nulls first)
 * scans forward and a descending one (nulls last) backward. Non-unique indexes end in `id`, the tie-breaker
 * every sort ends with.
 */
export function indexStatements(table: string, tableName: string, spec: CollectionSpec): string[] {
  return (spec.indexes ?? []).map((index) => {
    const columns = index.fields.map((path) => {
      const kind = path === 'id' ? 'string' : (spec.fields[path]?.kind ?? 'string');
      return path === 'id' ? 'id' : `${fieldExpression(path, kind)} NULLS FIRST`;
    });
    if (!index.unique && !index.fields.includes('id')) columns.push('id');
    const unique = index.unique ? 'UNIQUE ' : '';
    return `CREATE ${unique}INDEX IF NOT EXISTS ${indexName(tableName, index)} ON ${table} (${columns.join(', ')})`;
  });
}

/** A stable name within PostgreSQL's 63 bytes: the table name, shortened, and a hash of the declaration. */
function indexName(tableName: string, index: IndexSpec): string {
  const hash = createHash('sha256')
    .update(`${tableName}\n${canonicalJson({ fields: index.fields, unique: index.unique ?? false })}`)
    .digest('hex')
    .slice(0, 12);
  return quoteIdent(
    `${Buffer.from(tableName)
      .subarray(0, 40)
      .toString('utf8')
      .replace(/\uFFFD+$/, '')}_${hash}`,
  );
}
