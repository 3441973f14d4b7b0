// The documents a runner has loaded or written, as of its committed checkpoint, so a batch reads only the
// documents it has not seen. A runner folds every event of its collection itself, in order, so what it
// wrote is exactly what is stored (or older than what a second runner stored, which the position guard of
// the commit then keeps).
import type { StoredDocument } from '@liaison/readstore';

/** A bounded map of document id → stored document, or null when known to be absent; least recently used goes first. */
export class DocumentCache {
  private readonly entries = new Map<string, StoredDocument | null>();

  constructor(private readonly limit: number) {}

  /** The ids of `ids` the cache knows nothing about. */
  missing(ids: readonly string[]): string[] {
    return ids.filter((id) => !this.entries.has(id));
  }

  /** The known, present documents among `ids`, touching each as recently used. */
  present(ids: readonly string[]): Map<string, StoredDocument> {
    const found = new Map<string, StoredDocument>();
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry === undefined) continue;
      this.entries.delete(id);
      this.entries.set(id, entry);
      if (entry !== null) found.set(id, entry);
    }
    return found;
  }

  /** Records what is stored under `id` (null: nothing, or a tombstone). */
  set(id: string, stored: StoredDocument | null): void {
    this.entries.delete(id);
    this.entries.set(id, stored);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  /** Forgets everything (a pass restarts from what is stored). */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
