// The writes a commit applies: per collection and id, the one with the greatest position (the last on a tie).
import type { DocumentWrite } from './read-store.js';

/** Groups `writes` by collection and id, keeping the greatest position; throws when a document's id disagrees. */
export function latestWrites(writes: readonly DocumentWrite[]): Map<string, Map<string, DocumentWrite>> {
  const byCollection = new Map<string, Map<string, DocumentWrite>>();
  for (const write of writes) {
    if (write.document !== null && write.document.id !== write.id) {
      throw new Error(
        `expected the document written to ${write.collection} under id "${write.id}" to carry that id, received id ${JSON.stringify(write.document.id)}`,
      );
    }
    let rows = byCollection.get(write.collection);
    if (!rows) byCollection.set(write.collection, (rows = new Map<string, DocumentWrite>()));
    const previous = rows.get(write.id);
    if (!previous || write.position >= previous.position) rows.set(write.id, write);
  }
  return byCollection;
}
