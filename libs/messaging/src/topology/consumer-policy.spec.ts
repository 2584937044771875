import { describe, expect, it } from 'vitest';
import { ackTimeoutBackoffMs, nakDelayMs, resolveConsumerPolicy } from './consumer-policy';

describe('consumer policy', () => {
  it('backs off naks by delivery count', () => {
    const policy = resolveConsumerPolicy({ retry: { initialMs: 50, maxMs: 300, factor: 2 } });
    expect([1, 2, 3, 4].map((count) => nakDelayMs(policy, count))).toEqual([50, 100, 200, 300]);
  });

  it('gives JetStream an ack-timeout backoff that starts at the ack wait and is shorter than max_deliver', () => {
    expect(ackTimeoutBackoffMs(resolveConsumerPolicy({ maxDeliver: 3, ackWaitMs: 2_000 }))).toEqual([2_000, 4_000]);
    expect(ackTimeoutBackoffMs(resolveConsumerPolicy({ maxDeliver: 1 }))).toEqual([]);
    expect(ackTimeoutBackoffMs(resolveConsumerPolicy({ maxDeliver: 20, ackWaitMs: 1_000 }))).toHaveLength(6);
  });

  it('refuses settings JetStream or the runner cannot honour', () => {
    expect(() => resolveConsumerPolicy({ maxDeliver: 0 })).toThrow(/maxDeliver/);
    expect(() => resolveConsumerPolicy({ ackWaitMs: 10 })).toThrow(/ackWaitMs/);
    expect(() => resolveConsumerPolicy({ concurrency: 0 })).toThrow(/concurrency/);
  });
});
