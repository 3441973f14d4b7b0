// Fixed-window counters limiting public intake, per caller key; in process (each gateway counts its own traffic).

/** Counts hits per key in fixed windows; `take` says whether one more hit fits. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Records a hit for `key` at `nowMs` when it fits and returns true; returns false when the limit is reached. */
  take(key: string, nowMs: number): boolean {
    const current = this.windows.get(key);
    if (!current || nowMs - current.start >= this.windowMs) {
      if (this.windows.size >= this.maxKeys) this.evictExpired(nowMs);
      this.windows.set(key, { start: nowMs, count: 1 });
      return this.limit >= 1;
    }
    if (current.count >= this.limit) return false;
    current.count += 1;
    return true;
  }

  /** The time in ms until `key` may hit again (0 when it may now). */
  retryAfter(key: string, nowMs: number): number {
    const current = this.windows.get(key);
    if (!current || current.count < this.limit) return 0;
    return Math.max(0, current.start + this.windowMs - nowMs);
  }

  private evictExpired(nowMs: number): void {
    for (const [key, window] of this.windows)
      if (nowMs - window.start >= this.windowMs) this.windows.delete(key);
    // Under a flood of distinct keys, forget the oldest rather than grow without bound.
    while (this.windows.size >= this.maxKeys) {
      const oldest = this.windows.keys().next().value;
      if (oldest === undefined) break;
      this.windows.delete(oldest);
    }
  }
}
