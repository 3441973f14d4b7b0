// A bounded memory of stream heads, so an append whose expected version is known needs no read first.
import type { StreamHead } from './hash-chain.js';

/**
 * Least-recently-used map of stream → head. A (version, hash) pair is a permanent fact about a stream, but
 * not necessarily its current end: callers use it only where the append function verifies it.
 */
export class HeadCache {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly capacity: number) {}

  /** The newest head known for a stream. */
  get(streamId: string): StreamHead | undefined {
    const head = this.heads.get(streamId);
    if (head) {
      this.heads.delete(streamId);
      this.heads.set(streamId, head);
    }
    return head;
  }

  /** Remembers a head, unless a newer one is already known. */
  remember(streamId: string, head: StreamHead): void {
    const known = this.heads.get(streamId);
    if (known && known.version > head.version) return;
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.capacity) {
      const oldest = this.heads.keys().next().value;
      if (oldest !== undefined) this.heads.delete(oldest);
    }
  }
}
