import { type BackoffPolicy, backoffDelay, backoffSchedule } from '../retry/backoff';

/** How hard a consumer tries before a message goes to the dead-letter table. */
export interface ConsumerPolicy {
  /** Deliveries in total, the first included; the last failing one is dead-lettered. */
  readonly maxDeliver: number;
  /** How long JetStream waits for an ack before it redelivers (a crashed or hung handler). */
  readonly ackWaitMs: number;
  /** Delay of the `nak` after a handler failed, by delivery count. */
  readonly retry: BackoffPolicy;
  /** Messages handled at once by one runner (one replica). */
  readonly concurrency: number;
}

export const DEFAULT_CONSUMER_POLICY: ConsumerPolicy = {
  maxDeliver: 8,
  ackWaitMs: 30_000,
  retry: { initialMs: 1_000, maxMs: 60_000, factor: 3 },
  concurrency: 4,
};

export function resolveConsumerPolicy(overrides: Partial<ConsumerPolicy> = {}): ConsumerPolicy {
  const policy = { ...DEFAULT_CONSUMER_POLICY, ...overrides };
  if (!Number.isInteger(policy.maxDeliver) || policy.maxDeliver < 1) throw new Error(`maxDeliver must be a positive integer: ${policy.maxDeliver}`);
  if (policy.ackWaitMs < 1_000) throw new Error(`ackWaitMs must be at least 1000: ${policy.ackWaitMs}`);
  if (!Number.isInteger(policy.concurrency) || policy.concurrency < 1) throw new Error(`concurrency must be a positive integer: ${policy.concurrency}`);
  return policy;
}

/** The nak delay after the delivery numbered `deliveryCount` failed. */
export function nakDelayMs(policy: ConsumerPolicy, deliveryCount: number): number {
  return backoffDelay(policy.retry, deliveryCount);
}

/**
 * JetStream's `backoff` list applies to ack timeouts only, and the server takes its first entry
 * as the ack wait: so it starts at `ackWaitMs` and doubles. The server wants it shorter than
 * `max_deliver`.
 */
export function ackTimeoutBackoffMs(policy: ConsumerPolicy): number[] {
  const length = Math.min(policy.maxDeliver - 1, 6);
  return backoffSchedule({ initialMs: policy.ackWaitMs, maxMs: policy.ackWaitMs * 8, factor: 2 }, length);
}
