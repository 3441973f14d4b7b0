// Wakes caught-up subscribers when the log grows: one live subscription to $all per store, filtered on the
// server to the store's own streams, used only as a signal (the subscribers read the log themselves, so what
// they deliver and the positions they report come from one consistent reading path). A poll interval covers a
// lost or broken subscription.
import {
  END,
  streamNameFilter,
  type AllStreamSubscription,
  type KurrentDBClient,
} from '@kurrent/kurrentdb-client';

/** Counts appends seen live and lets subscribers wait for the next one. */
export class LiveSignal {
  private notifications = 0;
  private users = 0;
  private subscription: AllStreamSubscription | null = null;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly client: KurrentDBClient,
    private readonly streamRegex: string,
  ) {}

  /** How many appends have been seen; pass it to `wait` to catch one that arrives in between. */
  get count(): number {
    return this.notifications;
  }

  /** Registers a subscriber; the live subscription runs while there is one. */
  acquire(): void {
    this.users++;
    this.ensureSubscribed();
  }

  /** Unregisters a subscriber; the last one ends the live subscription. */
  async release(): Promise<void> {
    this.users--;
    if (this.users === 0) await this.unsubscribe();
  }

  /** Ends the live subscription whatever the subscribers, and wakes them. */
  async shutdown(): Promise<void> {
    this.wake();
    await this.unsubscribe();
  }

  /** Resolves once an append newer than `seen` is seen, `timeoutMs` passes, or `signal` aborts. */
  wait(seen: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
    this.ensureSubscribed();
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

  private ensureSubscribed(): void {
    if (this.subscription || this.users === 0) return;
    const subscription = this.client.subscribeToAll({
      fromPosition: END,
      filter: streamNameFilter({ regex: this.streamRegex }),
    });
    subscription.on('data', () => this.wake());
    // A broken or ended subscription is replaced at the next wait; until then the poll interval keeps
    // subscribers going.
    const dropped = (): void => {
      if (this.subscription === subscription) this.subscription = null;
      this.wake();
    };
    subscription.on('error', dropped);
    subscription.on('close', dropped);
    this.subscription = subscription;
  }

  private async unsubscribe(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.unsubscribe().catch(() => undefined);
  }

  private wake(): void {
    this.notifications++;
    for (const waiter of [...this.waiters]) waiter();
  }
}
