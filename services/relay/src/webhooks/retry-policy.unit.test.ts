import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  nextDelay,
  retriesExhausted,
  retryAfterDelay,
} from './retry-policy.js';

const policy = DEFAULT_RETRY_POLICY;

describe('webhook retry policy', () => {
  it('doubles from the base up to the cap, with jitter in the upper half', () => {
    expect(backoffDelay(policy, 1, 0)).toBe(2_500);
    expect(backoffDelay(policy, 1, 1)).toBe(5_000);
    expect(backoffDelay(policy, 3, 1)).toBe(20_000);
    expect(backoffDelay(policy, 30, 1)).toBe(3_600_000);
    expect(backoffDelay(policy, 30, 0)).toBe(1_800_000);
  });

  it('keeps retrying for at least three days before giving up', () => {
    let elapsed = 0;
    let failures = 0;
    const start = new Date('2026-01-01T00:00:00Z');
    while (!retriesExhausted(policy, start, new Date(start.getTime() + elapsed))) {
      failures++;
      elapsed += backoffDelay(policy, failures, 1);
    }
    expect(elapsed).toBeGreaterThanOrEqual(3 * 24 * 3_600_000);
    expect(failures).toBeGreaterThan(70); // hourly once the back-off reaches its cap
  });

  it('honours Retry-After in seconds or as a date, when longer than the back-off, up to a day', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(retryAfterDelay('120', now)).toBe(120_000);
    expect(retryAfterDelay('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterDelay('soon', now)).toBeNull();
    expect(nextDelay(policy, 1, 120_000, 1)).toBe(120_000);
    expect(nextDelay(policy, 1, 1_000, 1)).toBe(5_000);
    expect(nextDelay(policy, 1, 10 * 24 * 3_600_000, 1)).toBe(24 * 3_600_000);
  });
});
