/** PRODUCT.md §4 states in words, and which of them are settled (nothing more will happen by itself). */
import type { ClaimStatus, PolicyStatus } from '@liqpass/events';

// The browser loads no code from @liqpass/events (in the dev server its whole barrel would load:
// node-only modules); the lists are repeated here and statuses.spec.ts holds them equal to it.
export const POLICY_STATUSES = ['PENDING_PAYMENT', 'PAID_UNBOUND', 'BOUND_UNPAID', 'ACTIVE', 'EXPIRED', 'CLAIMED', 'CLOSED', 'CANCELLED', 'PAYMENT_MISMATCH', 'REFUNDED'] as const satisfies readonly PolicyStatus[];
export const CLAIM_STATUSES = ['VERIFYING', 'VERIFIED_PENDING_REVIEW', 'REJECTED', 'FAILED', 'APPROVED_PENDING_MULTISIG', 'PAID'] as const satisfies readonly ClaimStatus[];
export type { ClaimStatus, PolicyStatus };

const POLICY_WORDS: Record<PolicyStatus, string> = {
  PENDING_PAYMENT: 'Created: bind your OKX order and pay the premium.',
  PAID_UNBOUND: 'Paid: bind your OKX order to activate.',
  BOUND_UNPAID: 'Bound to your OKX order: pay the premium to activate.',
  ACTIVE: 'Active: your position is covered.',
  EXPIRED: 'Expired: coverage has ended (a claim may still be filed during the grace period).',
  CLAIMED: 'Claimed: a claim is open on this policy.',
  CLOSED: 'Closed.',
  CANCELLED: 'Cancelled: the quote expired before payment.',
  PAYMENT_MISMATCH: 'Payment mismatch: finance will refund it.',
  REFUNDED: 'Refunded.',
};

const CLAIM_WORDS: Record<ClaimStatus, string> = {
  VERIFYING: 'Checking with OKX…',
  VERIFIED_PENDING_REVIEW: 'Verified: waiting for a reviewer.',
  REJECTED: 'Rejected.',
  FAILED: 'Verification failed; it can be retried.',
  APPROVED_PENDING_MULTISIG: 'Approved: the payout is waiting for the treasury signatures.',
  PAID: 'Paid.',
};

export function explainPolicyStatus(status: string): string {
  return (POLICY_WORDS as Record<string, string>)[status] ?? status;
}

export function explainClaimStatus(status: string): string {
  return (CLAIM_WORDS as Record<string, string>)[status] ?? status;
}

/** A claim in one of these states changes by itself soon, so the page keeps polling. */
export function claimIsMoving(status: string): boolean {
  return status === 'VERIFYING';
}

/** The trader may press Claim on an active or recently expired policy (the service decides the rest). */
export function policyIsClaimable(status: string): boolean {
  return status === 'ACTIVE' || status === 'EXPIRED';
}
