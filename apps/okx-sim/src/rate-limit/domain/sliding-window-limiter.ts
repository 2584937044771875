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
    const recent = (this.hits.get(bucket) ?? []).filter((at) => at > nowMs - rule.windowMs);
    if (recent.length >= rule.limit) {
      this.hits.set(bucket, recent);
      return false;
    }
    recent.push(nowMs);
    this.hits.set(bucket, recent);
    return true;
  }

  reset(): void {
    this.hits.clear();
  }
}
