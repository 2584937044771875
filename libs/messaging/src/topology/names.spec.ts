import { describe, expect, it } from 'vitest';
import { durableName, streamName } from './names';

describe('stream and consumer names', () => {
  it('names one stream per producer, under the prefix', () => {
    expect(streamName('policy')).toBe('LIQPASS_POLICY');
    expect(streamName('payment-listener', 'tab12')).toBe('TAB12_PAYMENT_LISTENER');
  });

  it('names durables <consumer>--<event>', () => {
    expect(durableName('policy', 'PremiumPaid')).toBe('policy--premium-paid');
    expect(() => durableName('Policy.x', 'PremiumPaid')).toThrow(/consumer name/);
  });
});
