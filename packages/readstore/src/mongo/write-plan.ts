// Plans one collection's part of a commit: guarded, conditional writes and, for each, the write that undoes it.
import type { AnyBulkWriteOperation } from 'mongodb';
import type { CollectionSpec, DocumentWrite } from '../read-store.js';
import { storedRecord, type StoredRecord } from './stored-record.js';

export interface WritePlan {
  /** The operations, in order: an insert where nothing was stored, else a replace conditional on the stored position. */
  ops: Array<AnyBulkWriteOperation<StoredRecord>>;
  /** `undo[i]` puts back what `ops[i]` replaced, and only while the record still holds what `ops[i]` wrote. */
  undo: Array<AnyBulkWriteOperation<StoredRecord>>;
  /** How many of the first `n` operations are inserts and how many are replaces. */
  counts(n: number): { inserts: number; replaces: number };
}

/**
 * The position guard, decided against the records as stored (`stored`, loaded just before): a write at or
 * below the stored position is left out. Every operation is conditional on what was read, so a record changed
 * by someone else in between is neither overwritten nor undone: its insert fails on the duplicate `_id`, its
 * replace matches nothing (the caller compares counts).
 */
export function planWrites(
  spec: CollectionSpec,
  writes: Iterable<DocumentWrite>,
  stored: ReadonlyMap<string, StoredRecord>,
): WritePlan {
  const ops: Array<AnyBulkWriteOperation<StoredRecord>> = [];
  const undo: Array<AnyBulkWriteOperation<StoredRecord>> = [];
  const inserts: boolean[] = [];
  for (const { id, position, document } of writes) {
    const before = stored.get(id);
    if (before && before.pos >= position) continue;
    const record = storedRecord(spec, id, position, document);
    const written = { _id: id, pos: position };
    if (!before) {
      ops.push({ insertOne: { document: record } });
      undo.push({ deleteOne: { filter: written } });
    } else {
      ops.push({ replaceOne: { filter: { _id: id, pos: before.pos }, replacement: withoutId(record) } });
      undo.push({ replaceOne: { filter: written, replacement: withoutId(before) } });
    }
    inserts.push(!before);
  }
  return {
    ops,
    undo,
    counts(n) {
      const taken = inserts.slice(0, n);
      const insertCount = taken.filter(Boolean).length;
      return { inserts: insertCount, replaces: taken.length - insertCount };
    },
  };
}

function withoutId({ _id, ...rest }: StoredRecord): Omit<StoredRecord, '_id'> {
  void _id;
  return rest;
}
