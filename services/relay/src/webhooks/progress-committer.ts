// Group commit of a delivery round's progress: what the lanes finish while one write runs goes in the next one.
import type { Clock } from './clock.js';
import type { DeliveryAttempt, DeliveryStore, WebhookCursor } from './delivery-store.js';
import type { DeliveryWindow } from './delivery-window.js';

/** An event a lane is done with: delivered, or dead-lettered after its retries ran out. */
export interface DoneEvent {
  attempt: DeliveryAttempt;
  deadLettered: boolean;
}

/**
 * Commits the events the lanes are done with. A lane waits for its event's commit before taking the next event
 * of its stream, so after a crash at most one event per lane is delivered again, and never one before an
 * earlier event of its stream. Writes run one at a time; whatever arrives meanwhile shares the next write.
 */
export class ProgressCommitter {
  private pending: DoneEvent[] = [];
  private chain: Promise<unknown> = Promise.resolve();
  private next: Promise<boolean> | null = null;
  private version: number;
  private retriedEventId: string | null;
  private committed: { position: number; doneAbove: string };
  private stale = false;
  private readonly partnerId: string;

  constructor(
    private readonly store: DeliveryStore,
    private readonly clock: Clock,
    cursor: WebhookCursor,
    private readonly window: DeliveryWindow,
  ) {
    this.partnerId = cursor.partnerId;
    this.version = cursor.version;
    this.retriedEventId = cursor.eventId;
    this.committed = { position: cursor.position, doneAbove: cursor.doneAbove.join(',') };
  }

  /** The cursor version after this round's commits. */
  get currentVersion(): number {
    return this.version;
  }

  /** Commits `done` with whatever else is pending; false when the cursor changed meanwhile (a replay). */
  add(done: DoneEvent): Promise<boolean> {
    this.pending.push(done);
    return this.flush();
  }

  /** Commits what is pending, and the window's position if it moved (events passed over); false when stale. */
  flush(): Promise<boolean> {
    if (this.next) return this.next;
    const next = this.chain.then(() => {
      this.next = null;
      return this.write();
    });
    this.next = next;
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async write(): Promise<boolean> {
    const batch = this.pending;
    this.pending = [];
    if (this.stale) return false;
    for (const done of batch) this.window.markDone(done.attempt.position);
    const position = this.window.position;
    const doneAbove = this.window.doneAbove;
    if (
      batch.length === 0 &&
      position === this.committed.position &&
      doneAbove.join(',') === this.committed.doneAbove
    )
      return true;
    const clearRetry = batch.some((done) => done.attempt.eventId === this.retriedEventId);
    const ok = await this.store.commit({
      partnerId: this.partnerId,
      version: this.version,
      position,
      doneAbove,
      clearRetry,
      attempts: batch.map((done) =>
        done.deadLettered ? { ...done.attempt, outcome: 'dead-lettered' as const } : done.attempt,
      ),
      deadLetters: batch.filter((done) => done.deadLettered).map((done) => done.attempt),
      now: this.clock.now(),
    });
    if (!ok) {
      this.stale = true;
      return false;
    }
    this.version++;
    if (clearRetry) this.retriedEventId = null;
    this.committed = { position, doneAbove: doneAbove.join(',') };
    return true;
  }
}
