/**
 * Cursor and range arithmetic of the listener (CHAIN.md steps 2 and 4), without I/O. Block
 * numbers are plain numbers: a chain reaches 2^53 blocks long after anyone reading this.
 */
export interface BlockRange {
  readonly from: number;
  readonly to: number;
}

export const blocksIn = (range: BlockRange): number => range.to - range.from + 1;

/** The newest block a log may sit in to count: `head − confirmations` (−1 while the chain is shorter). */
export function confirmedTarget(head: number, confirmations: number): number {
  return Math.max(-1, head - confirmations);
}

/**
 * The next range to read after the cursor: `[last + 1, min(last + maxBlocks, target)]`, or
 * null when the cursor already stands at the target.
 */
export function nextRange(lastBlock: number, target: number, maxBlocks: number): BlockRange | null {
  if (maxBlocks < 1) throw new Error(`maxBlocks must be at least 1 (got ${maxBlocks})`);
  if (target <= lastBlock) return null;
  return { from: lastBlock + 1, to: Math.min(lastBlock + maxBlocks, target) };
}

/** Backfill is the same loop with a larger range: used whenever more than a live range is pending. */
export function rangeSizeFor(behind: number, liveRange: number, backfillRange: number): number {
  return behind > liveRange ? Math.max(liveRange, backfillRange) : liveRange;
}

/**
 * How many blocks one eth_getLogs call asks for. Providers refuse large ranges or large results
 * (2K blocks, 10K logs…): a refusal halves the size, down to one block; each success lets it
 * grow back (×2) towards the configured range, so one dense stretch does not slow the rest.
 */
export class AdaptiveRangeSize {
  private size: number;
  private streak = 0;

  constructor(
    private readonly max: number,
    /** Successes in a row before the size doubles: growing after each one would bounce off the limit. */
    private readonly successesToGrow = 8,
  ) {
    if (max < 1) throw new Error(`range size must be at least 1 (got ${max})`);
    this.size = max;
  }

  get current(): number {
    return this.size;
  }

  /** A provider refused a request of `attempted` blocks; returns the size to try next, or null at one block. */
  refused(attempted: number): number | null {
    this.streak = 0;
    if (attempted <= 1) return null;
    this.size = Math.max(1, Math.floor(attempted / 2));
    return this.size;
  }

  succeeded(): void {
    if (this.size >= this.max) return;
    this.streak += 1;
    if (this.streak < this.successesToGrow) return;
    this.streak = 0;
    this.size = Math.min(this.max, this.size * 2);
  }
}

/**
 * How many blocks a tick reads so that it returns about `budget` logs. Every log of a read is in
 * memory until its chunks commit, so a backlog of dense blocks (500 payments a block) is read a
 * few blocks at a time instead of all at once. The next size is what the last read's density
 * fits in the budget, but at most twice the blocks just read: a density seen over a few blocks
 * says little about thousands. Starts at one block, so a sparse backfill reaches the full range
 * in log2(range) ticks. One block holding more than the budget is still read whole.
 */
export class LogBudgetRangeSize {
  private size = 1;

  constructor(
    private readonly max: number,
    private readonly budget: number,
  ) {
    if (max < 1 || budget < 1) throw new Error(`range size and log budget must be at least 1 (got ${max}, ${budget})`);
  }

  get current(): number {
    return this.size;
  }

  /** A read of `blocks` blocks returned `logs` logs. */
  observed(blocks: number, logs: number): void {
    const fitting = logs === 0 ? this.max : Math.floor((blocks * this.budget) / logs);
    this.size = Math.max(1, Math.min(this.max, fitting, 2 * blocks));
  }
}

/** The piece of `range` starting at `from` that one request covers. */
export function pieceAt(range: BlockRange, from: number, size: number): BlockRange {
  return { from, to: Math.min(range.to, from + size - 1) };
}
