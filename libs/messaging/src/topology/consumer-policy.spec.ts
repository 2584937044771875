import { describe, expect, it } from 'vitest';
import { nakDelayMs, resolveConsumerPolicy } from './consumer-policy';

describe('consumer policy', () => {
  it('backs off naks by delivery count', () => {
    const policy = resolveConsumerPolicy({ retry: { initialMs: 50, maxMs: 300, factor: 2 } });
    expect([1, 2, 3, 4].map((count) => nakDelayMs(policy, count))).toEqual([50, 100, 200, 300]);
  });

  it('refuses settings JetStream or the runner cannot honour', () => {
    expect(() => resolveConsumerPolicy({ maxDeliver: 0 })).toThrow(/maxDeliver/);
    expect(() => resolveConsumerPolicy({ ackWaitMs: 10 })).toThrow(/ackWaitMs/);
    expect(() => resolveConsumerPolicy({ concurrency: 0 })).toThrow(/concurrency/);
  });
});
