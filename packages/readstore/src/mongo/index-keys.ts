// MongoDB index descriptions for a collection's declared indexes, on exactly the fields find() uses.
import type { IndexDescription } from 'mongodb';
import type { CollectionSpec } from '../read-store.js';
import { queryField, uniqueField } from './stored-record.js';

/**
 * One index per declaration, named by its position (specs never change once created). Every index covers the
 * typed query fields and ends in `_id`, the tie-breaker each sort ends with; a unique declaration also gets a
 * unique index on its key in `u` (see StoredRecord), which is what enforces it.
 */
export function indexDescriptions(spec: CollectionSpec): IndexDescription[] {
  return (spec.indexes ?? []).flatMap((index, i) => {
    const key: Record<string, 1> = {};
    for (const path of index.fields) key[queryField(path)] = 1;
    key._id = 1;
    const query: IndexDescription = { key, name: `ix_${i}` };
    return index.unique ? [query, { key: { [uniqueField(i)]: 1 }, name: `ux_${i}`, unique: true }] : [query];
  });
}
