import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry-policy';

const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };

describe('retryDelayMs', () => {
  it('grows exponentially between half and all of each step', () => {
    expect([1, 2, 3].map((retry) => retryDelayMs(policy, retry, () => 0))).toEqual([50, 100, 200]);
    expect([1, 2, 3].map((retry) => retryDelayMs(policy, retry, () => 0.999999))).toEqual([100, 200, 400]);
  });

  it('is capped', () => {
    expect(retryDelayMs(policy, 10, () => 0.999999)).toBe(1000);
    expect(retryDelayMs(policy, 10, () => 0)).toBe(500);
  });

  it('spreads simultaneous callers', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(policy, 3)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(200);
  });
});
