import { duplicateOpinionId, normaliseTrackingCode, trackingCodeFor, voterKeyOf } from './intake-keys.js';
import { RateLimiter } from './rate-limiter.js';

describe('intake keys', () => {
  it('derives a stable, readable tracking code per opinion and secret', () => {
    const code = trackingCodeFor('s', 'o1');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(trackingCodeFor('s', 'o1')).toBe(code);
    expect(trackingCodeFor('s', 'o2')).not.toBe(code);
    expect(trackingCodeFor('other', 'o1')).not.toBe(code);
  });

  it('normalises typed tracking codes and rejects malformed ones', () => {
    const code = trackingCodeFor('s', 'o1');
    expect(normaliseTrackingCode(code.toLowerCase().replaceAll('-', ' '))).toBe(code);
    expect(normaliseTrackingCode('ABCD-EFGH-JKMO')).toBe('ABCD-EFGH-JKM0');
    expect(normaliseTrackingCode('too short')).toBeNull();
  });

  it('gives the same voter and text in one window the same opinion id, and nothing without a voter key', () => {
    const voter = voterKeyOf('s', '138 1234 1234', null);
    expect(voter).toBe(voterKeyOf('s', '13812341234', null));
    expect(voter).not.toContain('13812341234');
    const id = duplicateOpinionId('s', voter, 'Potholes  on the road', 7);
    expect(duplicateOpinionId('s', voter, 'potholes on the road', 7)).toBe(id);
    expect(duplicateOpinionId('s', voter, 'potholes on the road', 8)).not.toBe(id);
    expect(duplicateOpinionId('s', voterKeyOf('s', '13900000000', null), 'potholes on the road', 7)).not.toBe(
      id,
    );
    expect(duplicateOpinionId('s', null, 'x', 7)).toBeNull();
    expect(voterKeyOf('s', null, null)).toBeNull();
  });
});

describe('rate limiter', () => {
  it('admits up to the limit per window and key, then again in the next window', () => {
    const limiter = new RateLimiter(2, 1000);
    expect([limiter.take('a', 0), limiter.take('a', 10), limiter.take('a', 20)]).toEqual([true, true, false]);
    expect(limiter.retryAfter('a', 20)).toBe(980);
    expect(limiter.take('b', 20)).toBe(true);
    expect(limiter.take('a', 1000)).toBe(true);
  });

  it('stays bounded under many distinct keys', () => {
    const limiter = new RateLimiter(1, 1000, 10);
    for (let i = 0; i < 100; i++) expect(limiter.take(`k${i}`, i)).toBe(true);
    expect(limiter.take('k99', 100)).toBe(false);
  });
});
