// How a read document is stored in MongoDB: the document, its position, and typed copies of its queryable fields.
import type { CollectionSpec, FieldKind, ReadDocument, Scalar } from '../read-store.js';

/**
 * One stored document. `doc: null` is a tombstone keeping the position. `q` holds every declared field under
 * its path with dots written as ':' (`address.city` → `q.address:city`): the value when it has the declared
 * kind, else null, so filters, sorts and indexes never meet a value of another type, an array on the path, or
 * a missing field (null and missing read alike, as on SQL). `u` holds one string per unique index: the JSON of
 * its values when all are present, else a marker naming the document, so documents lacking a value never
 * collide (MongoDB indexes a missing field as null, and FerretDB has no partial indexes).
 */
export interface StoredRecord {
  _id: string;
  pos: number;
  doc: ReadDocument | null;
  q: Record<string, Scalar>;
  u?: Record<string, string>;
}

/** The field of a stored record that holds a declared path (`id` is the record's `_id`). */
export function queryField(path: string): string {
  return path === 'id' ? '_id' : `q.${path.replaceAll('.', ':')}`;
}

/** The field of a stored record holding the key of the spec's `index`-th index, when that index is unique. */
export function uniqueField(index: number): string {
  return `u.i${index}`;
}

/** The value at a dotted path when it has `kind`, else null. */
export function typedValue(document: ReadDocument, path: string, kind: FieldKind): Scalar {
  let value: unknown = document;
  for (const segment of path.split('.')) {
    value =
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)[segment]
        : undefined;
  }
  if (typeof value !== kind) return null;
  return kind === 'number' && !Number.isFinite(value) ? null : (value as string | number | boolean);
}

/** The record storing `document` (null: a tombstone) at `position` in a collection declared by `spec`. */
export function storedRecord(
  spec: CollectionSpec,
  id: string,
  position: number,
  document: ReadDocument | null,
): StoredRecord {
  const q: Record<string, Scalar> = {};
  if (document !== null) {
    for (const [path, field] of Object.entries(spec.fields)) {
      q[path.replaceAll('.', ':')] = typedValue(document, path, field.kind);
    }
  }
  const record: StoredRecord = { _id: id, pos: position, doc: document, q };
  const unique = (spec.indexes ?? []).flatMap((index, i) => (index.unique ? [[index, i] as const] : []));
  if (unique.length > 0) {
    record.u = {};
    for (const [index, i] of unique) {
      const values =
        document === null
          ? [null]
          : index.fields.map((path) =>
              path === 'id' ? id : typedValue(document, path, spec.fields[path]?.kind ?? 'string'),
            );
      record.u[`i${i}`] = values.includes(null) ? JSON.stringify({ without: id }) : JSON.stringify(values);
    }
  }
  return record;
}
