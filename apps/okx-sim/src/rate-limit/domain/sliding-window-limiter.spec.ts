import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from './sliding-window-limiter';

const rule = { limit: 5, windowMs: 2000 };

describe('SlidingWindowLimiter', () => {
  it('allows the limit within a window and refuses the next', () => {
    const limiter = new SlidingWindowLimiter();
    const results = Array.from({ length: 6 }, (_, i) => limiter.tryAcquire('k|/a', rule, 1000 + i));
    expect(results).toEqual([true, true, true, true, true, false]);
  });

  it('frees capacity as the window slides past old requests', () => {
    const limiter = new SlidingWindowLimiter();
    for (let i = 0; i < 5; i += 1) limiter.tryAcquire('k|/a', rule, 1000 + i * 100);
    expect(limiter.tryAcquire('k|/a', rule, 2999)).toBe(false);
    expect(limiter.tryAcquire('k|/a', rule, 3000)).toBe(true);
    expect(limiter.tryAcquire('k|/a', rule, 3001)).toBe(false);
  });

  it('keeps separate buckets per key and endpoint', () => {
    const limiter = new SlidingWindowLimiter();
    for (let i = 0; i < 5; i += 1) limiter.tryAcquire('k1|/a', rule, 1000);
    expect(limiter.tryAcquire('k1|/a', rule, 1000)).toBe(false);
    expect(limiter.tryAcquire('k2|/a', rule, 1000)).toBe(true);
    expect(limiter.tryAcquire('k1|/b', rule, 1000)).toBe(true);
  });

  it('forgets everything on reset', () => {
    const limiter = new SlidingWindowLimiter();
    for (let i = 0; i < 5; i += 1) limiter.tryAcquire('k|/a', rule, 1000);
    limiter.reset();
    expect(limiter.tryAcquire('k|/a', rule, 1000)).toBe(true);
  });
});
