/** PRODUCT.md §4 claim states; any transition not in this table is INVALID_STATUS_TRANSITION. */
export const CLAIM_STATUSES = ['VERIFYING', 'VERIFIED_PENDING_REVIEW', 'REJECTED', 'FAILED', 'APPROVED_PENDING_MULTISIG', 'PAID'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

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
