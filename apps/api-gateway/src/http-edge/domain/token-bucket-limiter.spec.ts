import { describe, expect, it } from 'vitest';
import { TokenBucketLimiter } from './token-bucket-limiter';

describe('TokenBucketLimiter', () => {
  it('allows a burst of perMinute, then refuses with the seconds until the next token', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter(60, () => now);
    for (let i = 0; i < 60; i++) expect(limiter.take('ip').allowed).toBe(true);
    expect(limiter.take('ip')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1000;
    expect(limiter.take('ip').allowed).toBe(true);
    expect(limiter.take('ip').allowed).toBe(false);
  });

  it('keeps keys apart', () => {
    const limiter = new TokenBucketLimiter(1, () => 0);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('reports a longer wait for a slow refill', () => {
    const limiter = new TokenBucketLimiter(2, () => 0);
    limiter.take('k');
    limiter.take('k');
    expect(limiter.take('k')).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it('never refills past the burst size', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter(3, () => now);
    limiter.take('k');
    now += 3_600_000;
    for (let i = 0; i < 3; i++) expect(limiter.take('k').allowed).toBe(true);
    expect(limiter.take('k').allowed).toBe(false);
  });

  it('bounds memory: refilled buckets and then the least recently used are forgotten', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter(10, () => now, 100);
    for (let i = 0; i < 250; i++) limiter.take(`ip-${i}`);
    expect(limiter.size).toBeLessThanOrEqual(100);
    now += 60_000;
    limiter.take('late');
    expect(limiter.size).toBeLessThanOrEqual(100);
  });
});
