import { type BackoffPolicy, backoffDelay } from '../retry/backoff';

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
  // Every handler in flight heartbeats (inbox-processor), so this is only how long a crashed
  // process keeps its messages: short, so a kill -9 delays them seconds, not half a minute.
  ackWaitMs: 10_000,
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

/**
 * The nak delay after the delivery numbered `deliveryCount` failed. Retry backoff lives here and
 * not in the consumer's `backoff` list: measured on nats-server 2.9, a consumer with a `backoff`
 * list honours a nak's delay once and then schedules by the list (whose first entry also becomes
 * the ack wait), so short retries and a long ack wait cannot both be had that way.
 */
export function nakDelayMs(policy: ConsumerPolicy, deliveryCount: number): number {
  return backoffDelay(policy.retry, deliveryCount);
}
