// Keeps one projector process's leases: takes free or expired ones, renews those it holds, lets go of lost ones.
import type { Fence, Lease, ReadStore } from '@liaison/readstore';

export interface LeaseSettings {
  /** Names this process in the leases it takes; unique per process. */
  holder: string;
  /** How long a lease lasts unless renewed; it is renewed every third of that. */
  durationMs: number;
}

export interface LeaseHandlers {
  /** This process now holds `name`: start its work, fencing every commit with `fence`. */
  gained(name: string, fence: Fence): Promise<void>;
  /** This process no longer holds `name` (lost, expired or stopping): stop its work. */
  lost(name: string): Promise<void>;
  onError?(error: unknown, name: string): void;
}

interface Held {
  lease: Lease;
  /** After this (by this process's clock) the lease may have passed on; measured from before the request. */
  validUntil: number;
}

/** Holds as many of `names` as it can get, one lease each, for as long as it keeps renewing them. */
export class LeaseKeeper {
  private readonly held = new Map<string, Held>();
  private readonly controller = new AbortController();
  private loop: Promise<void> | null = null;

  constructor(
    private readonly reads: ReadStore,
    private readonly names: readonly string[],
    private readonly settings: LeaseSettings,
    private readonly handlers: LeaseHandlers,
  ) {}

  /** Whether this process holds `name` now. */
  holds(name: string): boolean {
    return this.held.has(name);
  }

  /** Tries every lease once: takes the free ones, renews the held ones, and lets go of the lost ones. */
  async round(): Promise<void> {
    for (const name of this.names) {
      if (this.controller.signal.aborted) return;
      await this.claim(name);
    }
  }

  /** Repeats `round` every third of the lease duration until `stop`. */
  start(): void {
    const signal = this.controller.signal;
    this.loop ??= (async () => {
      while (!signal.aborted) {
        await pause(this.settings.durationMs / 3, signal);
        if (!signal.aborted) await this.round();
      }
    })();
  }

  /** Lets go of `name` at once, e.g. after a commit fenced with it was refused. */
  async lose(name: string): Promise<void> {
    if (this.held.has(name)) await this.drop(name);
  }

  /** Stops renewing, stops the work of every held lease and releases them so others can take over at once. */
  async stop(): Promise<void> {
    this.controller.abort();
    await this.loop;
    for (const [name, { lease }] of [...this.held]) {
      await this.drop(name);
      await this.reads.releaseLease(lease).catch((error: unknown) => this.handlers.onError?.(error, name));
    }
  }

  private async claim(name: string): Promise<void> {
    const asked = Date.now();
    const current = this.held.get(name);
    let lease: Lease | null;
    try {
      lease = await this.reads.acquireLease(name, this.settings.holder, this.settings.durationMs);
    } catch (error) {
      this.handlers.onError?.(error, name);
      // Unable to renew: past the lease's end another process may hold it, so this one stops.
      if (current && Date.now() >= current.validUntil) await this.drop(name);
      return;
    }
    if (lease && current?.lease.token === lease.token && this.held.get(name) === current) {
      current.validUntil = asked + this.settings.durationMs;
      return;
    }
    // Lost, or held again under a new token (it ran out meanwhile): the old work stops either way.
    if (this.held.has(name)) await this.drop(name);
    if (!lease || this.controller.signal.aborted) return;
    this.held.set(name, { lease, validUntil: asked + this.settings.durationMs });
    try {
      await this.handlers.gained(name, { lease: name, holder: lease.holder, token: lease.token });
    } catch (error) {
      // Could not start the work: let go of the lease so that this or another process tries again.
      this.handlers.onError?.(error, name);
      await this.drop(name).catch((stopError: unknown) => this.handlers.onError?.(stopError, name));
      await this.reads
        .releaseLease(lease)
        .catch((releaseError: unknown) => this.handlers.onError?.(releaseError, name));
    }
  }

  private async drop(name: string): Promise<void> {
    this.held.delete(name);
    await this.handlers.lost(name);
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
