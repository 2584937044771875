import { describe, expect, it } from 'vitest';
import { checkEveryMs, isRunDue } from './schedule';

const DAY = 86_400_000;

describe('isRunDue', () => {
  const now = new Date('2025-11-27T10:00:00Z');

  it('is due when nothing ran yet', () => {
    expect(isRunDue(null, now, DAY)).toBe(true);
  });

  it('is due a whole interval after the last start, not before', () => {
    expect(isRunDue({ startedAt: new Date(now.getTime() - DAY), failed: false }, now, DAY)).toBe(true);
    expect(isRunDue({ startedAt: new Date(now.getTime() - DAY + 1), failed: false }, now, DAY)).toBe(false);
  });

  it('retries a failed or unfinished run after an hour rather than a day', () => {
    expect(isRunDue({ startedAt: new Date(now.getTime() - 3_600_000), failed: true }, now, DAY)).toBe(true);
    expect(isRunDue({ startedAt: new Date(now.getTime() - 3_599_000), failed: true }, now, DAY)).toBe(false);
  });

  it('never waits longer after a failure than after a success', () => {
    expect(isRunDue({ startedAt: new Date(now.getTime() - 60_000), failed: true }, now, 60_000)).toBe(true);
  });
});

describe('checkEveryMs', () => {
  it('looks at most once a minute for a daily run, more often for short intervals, never below a second', () => {
    expect(checkEveryMs(DAY)).toBe(60_000);
    expect(checkEveryMs(100_000)).toBe(10_000);
    expect(checkEveryMs(500)).toBe(1_000);
  });
});
