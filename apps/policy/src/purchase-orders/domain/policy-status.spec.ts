import { describe, expect, it } from 'vitest';
import { assertTransition, canTransition, InvalidStatusTransitionError, POLICY_STATUSES, POLICY_TRANSITIONS } from './policy-status';

const pairs = POLICY_STATUSES.flatMap((from) => POLICY_STATUSES.map((to) => [from, to] as const));
const allowed = pairs.filter(([from, to]) => POLICY_TRANSITIONS[from].includes(to));
const refused = pairs.filter(([from, to]) => !POLICY_TRANSITIONS[from].includes(to));

describe('policy state machine', () => {
  it('has the PRODUCT.md §4 line and side exits', () => {
    for (const [from, to] of [
      ['PENDING_PAYMENT', 'PAID_UNBOUND'],
      ['PENDING_PAYMENT', 'BOUND_UNPAID'],
      ['PAID_UNBOUND', 'ACTIVE'],
      ['BOUND_UNPAID', 'ACTIVE'],
      ['ACTIVE', 'EXPIRED'],
      ['ACTIVE', 'CLAIMED'],
      ['CLAIMED', 'CLOSED'],
      ['PENDING_PAYMENT', 'CANCELLED'],
      ['BOUND_UNPAID', 'CANCELLED'],
      ['PENDING_PAYMENT', 'PAYMENT_MISMATCH'],
      ['BOUND_UNPAID', 'PAYMENT_MISMATCH'],
      ['PAYMENT_MISMATCH', 'REFUNDED'],
    ] as const) {
      expect(canTransition(from, to), `${from} → ${to}`).toBe(true);
    }
    expect(POLICY_TRANSITIONS.CLOSED).toEqual([]);
    expect(POLICY_TRANSITIONS.REFUNDED).toEqual([]);
  });

  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(refused)('refuses %s → %s with INVALID_STATUS_TRANSITION', (from, to) => {
    try {
      assertTransition(from, to);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidStatusTransitionError);
      expect((error as InvalidStatusTransitionError).code).toBe('INVALID_STATUS_TRANSITION');
    }
  });

  it('never activates without passing through a paid or bound state', () => {
    expect(canTransition('PENDING_PAYMENT', 'ACTIVE')).toBe(false);
    expect(refused.length + allowed.length).toBe(POLICY_STATUSES.length ** 2);
  });
});
