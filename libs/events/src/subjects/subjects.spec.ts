import { describe, expect, it } from 'vitest';
import { eventKebab, eventSubject, producerSubjects } from './subjects';

describe('subjects', () => {
  it('names subjects liqpass.<producer>.<event-kebab>.v<N>', () => {
    expect(eventSubject('PremiumPaid')).toBe('liqpass.payment-listener.premium-paid.v1');
    expect(eventSubject('OkxOrderBound')).toBe('liqpass.okx-binding.okx-order-bound.v1');
    expect(eventSubject('PolicyCreated', 2)).toBe('liqpass.policy.policy-created.v2');
    expect(eventKebab('ReconciliationMismatch')).toBe('reconciliation-mismatch');
  });

  it('takes a prefix so tests can isolate themselves', () => {
    expect(eventSubject('ClaimPaid', 1, 'tabc123')).toBe('tabc123.claims-verifier.claim-paid.v1');
    expect(producerSubjects('policy', 'tabc123')).toBe('tabc123.policy.>');
  });

  it('refuses prefixes that would break subject tokens', () => {
    expect(() => eventSubject('ClaimPaid', 1, 'a.b')).toThrow(/prefix/);
    expect(() => producerSubjects('policy', '>')).toThrow(/prefix/);
    expect(() => producerSubjects('policy', '')).toThrow(/prefix/);
  });
});
