// Runs one projection into one physical collection: catch up from its checkpoint, then follow the log live.
import type { EventStore } from '@liaison/eventstore';
import { ReadStoreError, type Fence, type ReadStore } from '@liaison/readstore';
import { DocumentCache } from './document-cache.js';
import { foldBatch, touchedIds } from './fold-batch.js';
import type { Projection } from './projection.js';

export interface RunnerOptions {
  /** Events read per batch. */
  batchSize?: number;
  /** Called after each committed batch with the checkpoint reached. */
  onProgress?: (position: number) => void;
  /** Called when a pass fails; the runner then resumes from its checkpoint after a back-off. */
  onError?: (error: unknown, attempt: number) => void;
  /** Longest back-off between failed passes. */
  maxBackoffMs?: number;
  /** Documents kept in memory between batches; default 10,000. */
  cacheSize?: number;
  /** The lease every commit is fenced with; a commit refused for it stops the runner. */
  fence?: Fence;
  /** Called when the runner stopped because its lease was lost (another process took the projection over). */
  onLeaseLost?: () => void;
}

/** Folds events into `collection` batch by batch; each batch's writes and checkpoint commit together. */
export class ProjectionRunner {
  private controller = new AbortController();
  private running: Promise<void> | null = null;
  private committed = 0;
  private readonly cache: DocumentCache;

  constructor(
    private readonly events: EventStore,
    private readonly reads: ReadStore,
    readonly projection: Projection,
    /** The physical collection written; its name is also the checkpoint's name. */
    readonly collection: string,
    private readonly options: RunnerOptions = {},
  ) {
    this.cache = new DocumentCache(options.cacheSize ?? 10_000);
  }

  /** The checkpoint this runner has committed (0 before its first batch). */
  get position(): number {
    return this.committed;
  }

  /** Starts the loop in the background; `done` settles when it stops or fails. */
  start(): Promise<void> {
    if (this.running) return this.running;
    this.controller = new AbortController();
    this.running = this.run(this.controller.signal);
    return this.running;
  }

  /** Stops the loop after the batch in hand and waits for it. */
  async stop(): Promise<void> {
    this.controller.abort();
    const running = this.running;
    this.running = null;
    await running?.catch(() => undefined);
  }

  /** Runs passes until stopped; a failed pass resumes from the checkpoint after an exponential back-off. */
  private async run(signal: AbortSignal): Promise<void> {
    for (let attempt = 1; !signal.aborted; attempt++) {
      try {
        await this.pass(signal);
        return;
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof ReadStoreError && error.code === 'LEASE_LOST') {
          this.options.onLeaseLost?.();
          return;
        }
        this.options.onError?.(error, attempt);
        const delay = Math.min(this.options.maxBackoffMs ?? 5000, 50 * 2 ** Math.min(attempt, 10));
        await new Promise((resolve) => setTimeout(resolve, delay * (0.5 + Math.random() / 2)));
      }
    }
  }

  /** One pass: from the stored checkpoint through the live log, until the signal aborts or a step fails. */
  private async pass(signal: AbortSignal): Promise<void> {
    this.cache.clear(); // it may hold folds of a batch that failed to commit
    this.committed = await this.reads.getCheckpoint(this.collection);
    const subscription = this.events.subscribe({
      after: this.committed,
      filter: { eventTypes: this.projection.eventTypes },
      batchSize: this.options.batchSize ?? 1000,
      signal,
    });
    for await (const batch of subscription) {
      if (signal.aborted) break;
      if (batch.position <= this.committed) continue;
      const ids = touchedIds(this.projection, batch.events);
      // Taken from the cache before loading the rest: a batch touching more documents than the cache holds
      // must not lose the ones it found there to eviction.
      const documents = this.cache.present(ids);
      const missing = this.cache.missing(ids);
      if (missing.length > 0) {
        const loaded = await this.reads.getMany(this.collection, missing);
        for (const id of missing) {
          const stored = loaded.get(id) ?? null;
          this.cache.set(id, stored);
          if (stored) documents.set(id, stored);
        }
      }
      const writes = foldBatch(this.projection, this.collection, documents, batch.events);
      await this.reads.commit(
        writes,
        [{ name: this.collection, position: batch.position }],
        this.options.fence,
      );
      for (const { id, position, document } of writes) {
        this.cache.set(id, document === null ? null : { document, position });
      }
      this.committed = batch.position;
      this.options.onProgress?.(batch.position);
    }
  }
}
