// The Merkle tree of the stored log kept in memory (64 bytes an event), extended on demand, for proofs.
import { eventLeafHash, MerkleLevels } from '@liaison/audit';
import type { EventStore } from '@liaison/eventstore';

/** One per process: reads only the events it has not hashed yet; concurrent callers share one read. */
export class MerkleCache {
  private readonly levels = new MerkleLevels();
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly batchSize = 5000,
  ) {}

  /** The tree holding at least the first `size` events (fewer only when the log is shorter). */
  async upTo(size: number): Promise<MerkleLevels> {
    const run = this.pending.then(() => this.extend(size));
    this.pending = run.catch(() => undefined);
    await run;
    return this.levels;
  }

  private async extend(size: number): Promise<void> {
    while (this.levels.size < size) {
      const events = await this.store.readAll({
        after: this.levels.size,
        maxCount: Math.min(this.batchSize, size - this.levels.size),
      });
      if (events.length === 0) return;
      for (const event of events) {
        if (event.globalPosition !== this.levels.size + 1) {
          throw new Error(
            `expected global position ${this.levels.size + 1} next, found ${event.globalPosition}: the log has a gap; run the verifier`,
          );
        }
        this.levels.append(eventLeafHash(event));
      }
    }
  }
}
