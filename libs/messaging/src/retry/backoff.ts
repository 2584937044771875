export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
}

/**
 * Delay before retry number `attempt` (1 = first retry): initial × factor^(attempt-1), capped.
 * No jitter on purpose: retries here are per message or per outbox row, already spread in time.
 */
export function backoffDelay(policy: BackoffPolicy, attempt: number): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  return Math.min(policy.maxMs, Math.round(policy.initialMs * policy.factor ** exponent));
}

/** The first `count` delays of a policy, e.g. for a JetStream consumer's `backoff` list. */
export function backoffSchedule(policy: BackoffPolicy, count: number): number[] {
  return Array.from({ length: Math.max(0, count) }, (_, index) => backoffDelay(policy, index + 1));
}
