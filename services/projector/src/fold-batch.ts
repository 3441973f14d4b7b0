// Folds a batch of events into the documents they touch: pure, so the runner only does I/O around it.
import type { RecordedEvent } from '@liaison/eventstore';
import type { DocumentWrite, ReadDocument, StoredDocument } from '@liaison/readstore';
import type { Projection } from './projection.js';

/** The distinct document ids a batch touches, in first-seen order. */
export function touchedIds(projection: Projection, events: readonly RecordedEvent[]): string[] {
  const ids = new Set<string>();
  for (const event of events) for (const id of projection.documentIds(event)) ids.add(id);
  return [...ids];
}

/**
 * Folds `events` (in global order) into `loaded` and returns one write per changed document.
 * An event at or below a document's stored position was already folded into it and is skipped.
 */
export function foldBatch(
  projection: Projection,
  collection: string,
  loaded: ReadonlyMap<string, StoredDocument>,
  events: readonly RecordedEvent[],
): DocumentWrite[] {
  const current = new Map<string, { document: ReadDocument | null; position: number; changed: boolean }>();
  for (const [id, stored] of loaded) current.set(id, { ...stored, changed: false });
  for (const event of events) {
    for (const id of projection.documentIds(event)) {
      const entry = current.get(id) ?? { document: null, position: 0, changed: false };
      if (event.globalPosition <= entry.position) continue;
      const next = projection.fold(entry.document, event, id);
      current.set(id, {
        document: next,
        position: event.globalPosition,
        changed: entry.changed || next !== null || entry.document !== null,
      });
    }
  }
  const writes: DocumentWrite[] = [];
  for (const [id, entry] of current) {
    if (entry.changed) writes.push({ collection, id, position: entry.position, document: entry.document });
  }
  return writes;
}
