import type { RateBudget } from '../endpoints/okx-endpoints';

export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface SlidingWindowLimiterOptions {
  /** Longest a request may wait for a slot before it is refused locally. */
  readonly maxWaitMs: number;
  /**
   * Added to every window: OKX counts arrivals on its clock, we count departures on ours, and
   * a request that leaves just inside our window can still land inside OKX's previous one.
   */
  readonly marginMs: number;
  readonly clock: LimiterClock;
}

/** Thrown when no slot frees up within `maxWaitMs`; nothing was sent. */
export class RateLimitWaitExceededError extends Error {
  constructor(readonly waitMs: number) {
    super(`no request slot within the allowed wait (${waitMs} ms needed)`);
    this.name = 'RateLimitWaitExceededError';
  }
}

interface Bucket {
  /** Departure times inside the current window, oldest first. */
  readonly sent: number[];
  /** The last waiter's turn: waiters go in arrival order. */
  tail: Promise<void>;
  waiting: number;
}

const SWEEP_EVERY = 1000;

/**
 * A client-side sliding-window limiter per (API key, endpoint), mirroring OKX's own limits so
 * a busy process slows itself down instead of collecting 50011s. Per process: several
 * replicas sharing one key can still exceed it, which is why 50011 is also retried.
 */
export class SlidingWindowLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private acquisitions = 0;

  constructor(private readonly options: SlidingWindowLimiterOptions) {}

  /** Resolves when a request may leave now (and records it); rejects if that takes longer than `maxWaitMs`. */
  acquire(bucketKey: string, budget: RateBudget, maxWaitMs: number = this.options.maxWaitMs): Promise<void> {
    if (++this.acquisitions % SWEEP_EVERY === 0) this.sweep();
    const bucket = this.bucket(bucketKey);
    const deadline = this.options.clock.now() + Math.min(maxWaitMs, this.options.maxWaitMs);
    bucket.waiting += 1;
    const turn = bucket.tail.then(() => this.takeSlot(bucket, budget, deadline));
    bucket.tail = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn.finally(() => {
      bucket.waiting -= 1;
    });
  }

  /** Number of (key, endpoint) pairs tracked; idle ones are dropped as it goes. */
  get size(): number {
    return this.buckets.size;
  }

  private async takeSlot(bucket: Bucket, budget: RateBudget, deadline: number): Promise<void> {
    const windowMs = budget.windowMs + this.options.marginMs;
    for (;;) {
      const now = this.options.clock.now();
      while (bucket.sent.length > 0 && bucket.sent[0]! <= now - windowMs) bucket.sent.shift();
      if (bucket.sent.length < budget.limit) {
        bucket.sent.push(now);
        return;
      }
      const waitMs = bucket.sent[0]! + windowMs - now;
      if (now + waitMs > deadline) throw new RateLimitWaitExceededError(waitMs);
      await this.options.clock.sleep(waitMs);
    }
  }

  private bucket(key: string): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { sent: [], tail: Promise.resolve(), waiting: 0 };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  /** Forgets buckets with nobody waiting and nothing sent recently (keys come and go). */
  private sweep(): void {
    const now = this.options.clock.now();
    for (const [key, bucket] of this.buckets) {
      const last = bucket.sent[bucket.sent.length - 1];
      if (bucket.waiting === 0 && (last === undefined || last < now - 60_000)) this.buckets.delete(key);
    }
  }
}
