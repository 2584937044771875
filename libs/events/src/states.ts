/**
 * The states of PRODUCT.md §4, in one place for every side that names them: the services'
 * state machines, the gateway's query validation, the web app. The transitions belong to the
 * owning service's domain.
 */
export const POLICY_STATUSES = [
  'PENDING_PAYMENT',
  'PAID_UNBOUND',
  'BOUND_UNPAID',
  'ACTIVE',
  'EXPIRED',
  'CLAIMED',
  'CLOSED',
  'CANCELLED',
  'PAYMENT_MISMATCH',
  'REFUNDED',
] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export const CLAIM_STATUSES = ['VERIFYING', 'VERIFIED_PENDING_REVIEW', 'REJECTED', 'FAILED', 'APPROVED_PENDING_MULTISIG', 'PAID'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
