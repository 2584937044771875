import { CLAIM_STATUSES, type ClaimStatus } from '@liqpass/events';

/** PRODUCT.md §4 claim states (libs/events); any transition not in this table is INVALID_STATUS_TRANSITION. */
export { CLAIM_STATUSES, type ClaimStatus };

const TRANSITIONS: Record<ClaimStatus, readonly ClaimStatus[]> = {
  VERIFYING: ['VERIFIED_PENDING_REVIEW', 'REJECTED', 'FAILED'],
  VERIFIED_PENDING_REVIEW: ['APPROVED_PENDING_MULTISIG', 'REJECTED'],
  APPROVED_PENDING_MULTISIG: ['PAID'],
  // FAILED is retried by the trader or a reviewer.
  FAILED: ['VERIFYING'],
  REJECTED: [],
  PAID: [],
};

export function canTransition(from: ClaimStatus, to: ClaimStatus): boolean {
  return TRANSITIONS[from].includes(to);
}
