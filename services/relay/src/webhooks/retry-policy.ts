// When to try a failed webhook again: exponential back-off with jitter, Retry-After, and when to give up.

export interface RetryPolicy {
  /** The first retry's delay before jitter. */
  baseDelayMs: number;
  /** The longest delay between two attempts. */
  maxDelayMs: number;
  /** How long after the first failure an event is retried before it goes to the dead letters. */
  retryWindowMs: number;
  /** The longest Retry-After honoured (longer ones are cut to this). */
  maxRetryAfterMs: number;
}

/** Defaults: 5 s doubling up to 1 h between attempts, for 3 days; then the dead letters. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 5_000,
  maxDelayMs: 3_600_000,
  retryWindowMs: 3 * 24 * 3_600_000,
  maxRetryAfterMs: 24 * 3_600_000,
};

/**
 * The delay before attempt `failures + 1`: base × 2^(failures − 1), capped, with "equal jitter" (a random
 * point in the upper half), so receivers coming back are not hit by every sender at once.
 */
export function backoffDelay(policy: RetryPolicy, failures: number, random: number): number {
  const exponential = policy.baseDelayMs * 2 ** Math.min(Math.max(failures - 1, 0), 40);
  const capped = Math.min(policy.maxDelayMs, exponential);
  return Math.round(capped / 2 + (capped / 2) * random);
}

/** A Retry-After header (seconds, or an HTTP date) as milliseconds from `now`; null when absent or unreadable. */
export function retryAfterDelay(header: string | null, now: Date): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** The next attempt's delay: the back-off, or the receiver's Retry-After when it asks for longer (capped). */
export function nextDelay(
  policy: RetryPolicy,
  failures: number,
  retryAfterMs: number | null,
  random: number,
): number {
  const backoff = backoffDelay(policy, failures, random);
  return retryAfterMs === null ? backoff : Math.max(backoff, Math.min(retryAfterMs, policy.maxRetryAfterMs));
}

/** True when an event first failed long enough ago to go to the dead letters. */
export function retriesExhausted(policy: RetryPolicy, firstFailedAt: Date, now: Date): boolean {
  return now.getTime() - firstFailedAt.getTime() >= policy.retryWindowMs;
}
