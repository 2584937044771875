import { describe, expect, it } from 'vitest';
import { AdaptiveRangeSize, blocksIn, confirmedTarget, LogBudgetRangeSize, nextRange, pieceAt, rangeSizeFor } from './block-range';

describe('confirmedTarget', () => {
  it('is head − confirmations, never below −1', () => {
    expect(confirmedTarget(100, 2)).toBe(98);
    expect(confirmedTarget(100, 0)).toBe(100);
    expect(confirmedTarget(1, 5)).toBe(-1);
  });
});

describe('nextRange', () => {
  it('starts right after the cursor and stops at the target', () => {
    expect(nextRange(10, 15, 100)).toEqual({ from: 11, to: 15 });
  });

  it('takes at most maxBlocks blocks', () => {
    expect(nextRange(10, 5000, 2000)).toEqual({ from: 11, to: 2010 });
    expect(blocksIn(nextRange(10, 5000, 2000)!)).toBe(2000);
  });

  it('reads block 0 from an empty cursor (−1)', () => {
    expect(nextRange(-1, 3, 100)).toEqual({ from: 0, to: 3 });
  });

  it('is null when the cursor is at or past the target (nothing confirmed yet)', () => {
    expect(nextRange(15, 15, 100)).toBeNull();
    expect(nextRange(15, 12, 100)).toBeNull();
    expect(nextRange(-1, -1, 100)).toBeNull();
  });

  it('refuses an empty range size', () => {
    expect(() => nextRange(1, 5, 0)).toThrow(/at least 1/);
  });
});

describe('rangeSizeFor', () => {
  it('uses the live range close to the head and the backfill range when far behind', () => {
    expect(rangeSizeFor(3, 100, 2000)).toBe(100);
    expect(rangeSizeFor(100, 100, 2000)).toBe(100);
    expect(rangeSizeFor(101, 100, 2000)).toBe(2000);
  });

  it('never lets a smaller backfill range shrink the live one', () => {
    expect(rangeSizeFor(500, 100, 50)).toBe(100);
  });
});

describe('AdaptiveRangeSize', () => {
  it('halves on each refusal down to one block, then gives up', () => {
    const size = new AdaptiveRangeSize(2000);
    expect(size.refused(2000)).toBe(1000);
    expect(size.refused(1000)).toBe(500);
    expect(size.refused(3)).toBe(1);
    expect(size.refused(1)).toBeNull();
    expect(size.current).toBe(1);
  });

  it('halves what was attempted, not the configured maximum (a short last piece)', () => {
    const size = new AdaptiveRangeSize(2000);
    expect(size.refused(10)).toBe(5);
  });

  it('grows back by doubling after a run of successes, never past the maximum', () => {
    const size = new AdaptiveRangeSize(100, 2);
    size.refused(100);
    size.refused(50);
    expect(size.current).toBe(25);
    size.succeeded();
    expect(size.current).toBe(25);
    size.succeeded();
    expect(size.current).toBe(50);
    for (let i = 0; i < 10; i += 1) size.succeeded();
    expect(size.current).toBe(100);
  });

  it('starts the run again after a refusal', () => {
    const size = new AdaptiveRangeSize(100, 2);
    size.refused(100);
    size.succeeded();
    size.refused(50);
    size.succeeded();
    expect(size.current).toBe(25);
  });

  it('needs a positive maximum', () => {
    expect(() => new AdaptiveRangeSize(0)).toThrow();
  });
});

describe('LogBudgetRangeSize', () => {
  it('starts at one block and at most doubles what it just read while the chain is sparse', () => {
    const size = new LogBudgetRangeSize(2000, 2000);
    expect(size.current).toBe(1);
    const seen: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      size.observed(size.current, 3);
      seen.push(size.current);
    }
    expect(seen).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2000, 2000]);
  });

  it('reads dense blocks a few at a time, so a read holds about the budget', () => {
    const size = new LogBudgetRangeSize(2000, 2000);
    size.observed(1, 500);
    expect(size.current).toBe(2);
    size.observed(2, 1000);
    expect(size.current).toBe(4);
    size.observed(4, 2000);
    expect(size.current).toBe(4);
    size.observed(4, 8000); // a denser stretch: shrink at once
    expect(size.current).toBe(1);
  });

  it('never goes below one block, even when one block holds more than the budget', () => {
    const size = new LogBudgetRangeSize(2000, 100);
    size.observed(1, 5000);
    expect(size.current).toBe(1);
  });

  it('grows from a short read only in proportion to what it saw (a live tick of one block)', () => {
    const size = new LogBudgetRangeSize(2000, 2000);
    for (let i = 0; i < 5; i += 1) size.observed(1, 0);
    expect(size.current).toBe(2);
  });

  it('needs a positive maximum and budget', () => {
    expect(() => new LogBudgetRangeSize(0, 10)).toThrow();
    expect(() => new LogBudgetRangeSize(10, 0)).toThrow();
  });
});

describe('pieceAt', () => {
  it('cuts a piece of the wanted size, clipped to the range', () => {
    expect(pieceAt({ from: 10, to: 100 }, 10, 25)).toEqual({ from: 10, to: 34 });
    expect(pieceAt({ from: 10, to: 100 }, 90, 25)).toEqual({ from: 90, to: 100 });
  });
});
