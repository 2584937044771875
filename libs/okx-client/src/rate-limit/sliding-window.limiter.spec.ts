import { describe, expect, it } from 'vitest';
import { RateLimitWaitExceededError, SlidingWindowLimiter, type LimiterClock } from './sliding-window.limiter';

/**
 * A clock whose sleeps advance time without waiting, so windows are tested exactly. Time moves
 * after a macrotask, once everything already due at the current time has run.
 */
function fakeClock(start = 1_000_000): LimiterClock & { readonly slept: number[]; sleep(ms: number): Promise<void> } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      await new Promise((resolve) => setTimeout(resolve, 0));
      now += ms;
    },
  };
}

const budget = { limit: 5, windowMs: 2000 };

describe('SlidingWindowLimiter', () => {
  it('lets the first `limit` requests go at once and holds the next until the window frees', async () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter({ maxWaitMs: 10_000, marginMs: 0, clock });
    const departures: number[] = [];
    await Promise.all(Array.from({ length: 7 }, () => limiter.acquire('key|/a', budget).then(() => departures.push(clock.now()))));
    expect(departures.slice(0, 5)).toEqual(Array(5).fill(1_000_000));
    expect(departures[5]).toBe(1_002_000);
    expect(departures[6]).toBe(1_002_000);
    // Any 2 s window holds at most 5 departures.
    for (const t of departures) expect(departures.filter((d) => d > t - 2000 && d <= t).length).toBeLessThanOrEqual(5);
  });

  it('adds the safety margin to the window', async () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter({ maxWaitMs: 10_000, marginMs: 100, clock });
    for (let i = 0; i < 5; i += 1) await limiter.acquire('k', budget);
    await limiter.acquire('k', budget);
    expect(clock.now()).toBe(1_002_100);
  });

  it('keeps separate budgets per key and endpoint', async () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter({ maxWaitMs: 0, marginMs: 0, clock });
    for (let i = 0; i < 5; i += 1) await limiter.acquire('key-a|/a', budget);
    await expect(limiter.acquire('key-b|/a', budget)).resolves.toBeUndefined();
    await expect(limiter.acquire('key-a|/b', budget)).resolves.toBeUndefined();
    await expect(limiter.acquire('key-a|/a', budget)).rejects.toBeInstanceOf(RateLimitWaitExceededError);
  });

  it('refuses locally when the wait would exceed maxWaitMs, and the refusal uses no slot', async () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter({ maxWaitMs: 500, marginMs: 0, clock });
    for (let i = 0; i < 5; i += 1) await limiter.acquire('k', budget);
    await expect(limiter.acquire('k', budget)).rejects.toThrow(/2000 ms needed/);
    expect(clock.slept).toEqual([]);
    await clock.sleep(2000);
    await expect(limiter.acquire('k', budget)).resolves.toBeUndefined();
  });

  it('serves waiters in arrival order', async () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter({ maxWaitMs: 60_000, marginMs: 0, clock });
    const order: number[] = [];
    await Promise.all(Array.from({ length: 12 }, (_, i) => limiter.acquire('k', budget).then(() => order.push(i))));
    expect(order).toEqual([...Array(12).keys()]);
  });
});
