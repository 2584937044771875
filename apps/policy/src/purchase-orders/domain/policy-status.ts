import { POLICY_STATUSES, type PolicyStatus } from '@liqpass/events';

/** The purchase order's (policy's) states, PRODUCT.md §4 (libs/events). */
export { POLICY_STATUSES, type PolicyStatus };

/**
 * THE transition table: every change of a purchase order's status goes through it.
 * Beyond PRODUCT.md §4's main line:
 * - a reorg that removes the payment (`PremiumPaymentReverted`) rolls paid states back;
 * - a payment confirmed after an unpaid order was cancelled, but made before the quote's
 *   deadline (the contract enforces it), revives the order rather than losing the money;
 * - a claim may be approved on a recently expired policy (claims run until end + grace).
 */
export const POLICY_TRANSITIONS: Readonly<Record<PolicyStatus, readonly PolicyStatus[]>> = {
  PENDING_PAYMENT: ['PAID_UNBOUND', 'BOUND_UNPAID', 'CANCELLED', 'PAYMENT_MISMATCH'],
  PAID_UNBOUND: ['ACTIVE', 'PENDING_PAYMENT', 'REFUNDED'],
  BOUND_UNPAID: ['ACTIVE', 'CANCELLED', 'PAYMENT_MISMATCH'],
  ACTIVE: ['EXPIRED', 'CLAIMED', 'BOUND_UNPAID'],
  EXPIRED: ['CLAIMED'],
  CLAIMED: ['CLOSED'],
  CLOSED: [],
  CANCELLED: ['PAID_UNBOUND', 'ACTIVE', 'PAYMENT_MISMATCH'],
  PAYMENT_MISMATCH: ['REFUNDED', 'PENDING_PAYMENT', 'BOUND_UNPAID'],
  REFUNDED: [],
};

/** States in which the policy may still have to pay out: they count against capacity. */
export const OPEN_EXPOSURE_STATUSES: readonly PolicyStatus[] = ['PENDING_PAYMENT', 'PAID_UNBOUND', 'BOUND_UNPAID', 'ACTIVE'];

export class InvalidStatusTransitionError extends Error {
  readonly code = 'INVALID_STATUS_TRANSITION';

  constructor(
    readonly from: PolicyStatus,
    readonly to: PolicyStatus,
    readonly why?: string,
  ) {
    super(`a purchase order cannot go from ${from} to ${to}${why ? `: ${why}` : ''}`);
    this.name = 'InvalidStatusTransitionError';
  }
}

export function canTransition(from: PolicyStatus, to: PolicyStatus): boolean {
  return POLICY_TRANSITIONS[from].includes(to);
}

/** Throws INVALID_STATUS_TRANSITION for any change the table does not list. */
export function assertTransition(from: PolicyStatus, to: PolicyStatus): void {
  if (!canTransition(from, to)) throw new InvalidStatusTransitionError(from, to);
}

export function isPolicyStatus(value: string): value is PolicyStatus {
  return (POLICY_STATUSES as readonly string[]).includes(value);
}
