import { describe, expect, it } from 'vitest';
import { backoffDelay, backoffSchedule } from './backoff';

describe('backoff', () => {
  const policy = { initialMs: 100, maxMs: 1000, factor: 2 };

  it('grows geometrically from the initial delay and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(policy, attempt))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('treats attempt 0 or less as the first retry', () => {
    expect(backoffDelay(policy, 0)).toBe(100);
    expect(backoffDelay(policy, -3)).toBe(100);
  });

  it('lists a schedule of the requested length', () => {
    expect(backoffSchedule(policy, 3)).toEqual([100, 200, 400]);
    expect(backoffSchedule(policy, 0)).toEqual([]);
  });
});
