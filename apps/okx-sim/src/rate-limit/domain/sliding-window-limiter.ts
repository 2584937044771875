/** A limit as OKX states it: `limit` requests per `windowMs`. */
export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * Sliding-window counter per (key, endpoint): a request is allowed when fewer than `limit`
 * allowed requests fall in the last `windowMs`. Refused requests do not count, so a client
 * that backs off recovers as soon as the window has moved on.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  tryAcquire(bucket: string, rule: RateLimit, nowMs: number): boolean {
    let recent = this.hits.get(bucket);
    if (!recent) {
      recent = [];
      this.hits.set(bucket, recent);
    }
    // Drops the hits that left the window in place (any order: the clock is the caller's),
    // without a new array per request.
    const oldest = nowMs - rule.windowMs;
    let kept = 0;
    for (const at of recent) if (at > oldest) recent[kept++] = at;
    recent.length = kept;
    if (kept >= rule.limit) return false;
    recent.push(nowMs);
    return true;
  }

  reset(): void {
    this.hits.clear();
  }
}
