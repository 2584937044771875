export interface RetryPolicy {
  /** Total attempts, the first included (1 = never retry). */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 4000 };

/**
 * Delay before retry `retry` (1 = the first retry): exponential, capped, with "equal jitter" —
 * half the step fixed, half random — so retries still grow but callers hitting the same
 * limit at the same moment spread out instead of colliding again.
 */
export function retryDelayMs(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
