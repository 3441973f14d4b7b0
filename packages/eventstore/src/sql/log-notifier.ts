// Wakes subscribers when the log grows: one shared LISTEN per store, with a timeout so a lost NOTIFY only delays.
import type { SqlClient } from '@liaison/sql';

/** Counts notifications on one channel and lets subscribers wait for the next one. */
export class LogNotifier {
  private notifications = 0;
  private users = 0;
  private stopListening: (() => Promise<void>) | null = null;
  /** LISTEN and UNLISTEN run one after another, in the order asked for. */
  private transition: Promise<void> = Promise.resolve();
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly sql: SqlClient,
    private readonly channel: string,
  ) {}

  /** How many notifications have arrived; pass it to `wait` to catch one that arrives in between. */
  get count(): number {
    return this.notifications;
  }

  /** Registers a subscriber; the first one starts listening. */
  acquire(): Promise<void> {
    this.users++;
    return this.enqueue(async () => {
      if (this.users > 0 && !this.stopListening) {
        this.stopListening = await this.sql.listen(this.channel, () => this.wake());
      }
    });
  }

  /** Unregisters a subscriber; the last one stops listening. */
  release(): Promise<void> {
    this.users--;
    return this.enqueue(async () => {
      if (this.users === 0) await this.unlisten();
    });
  }

  /** Stops listening whatever the subscribers, and wakes them. */
  shutdown(): Promise<void> {
    this.wake();
    return this.enqueue(() => this.unlisten());
  }

  /** Resolves once a notification newer than `seen` arrives, `timeoutMs` passes, or `signal` aborts. */
  wait(seen: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (this.notifications !== seen || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  private wake(): void {
    this.notifications++;
    for (const waiter of [...this.waiters]) waiter();
  }

  private async unlisten(): Promise<void> {
    const stop = this.stopListening;
    this.stopListening = null;
    if (stop) await stop();
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.transition.catch(() => undefined).then(step);
    this.transition = next;
    return next;
  }
}
