import { describe, expect, it } from 'vitest';
import { canTransition, CLAIM_STATUSES } from './claim-state-machine';

describe('the claim state machine', () => {
  it('allows exactly PRODUCT.md §4', () => {
    const allowed = CLAIM_STATUSES.flatMap((from) => CLAIM_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(
      [
        'VERIFYING→VERIFIED_PENDING_REVIEW',
        'VERIFYING→REJECTED',
        'VERIFYING→FAILED',
        'VERIFIED_PENDING_REVIEW→APPROVED_PENDING_MULTISIG',
        'VERIFIED_PENDING_REVIEW→REJECTED',
        'APPROVED_PENDING_MULTISIG→PAID',
        'FAILED→VERIFYING',
      ].sort(),
    );
  });
});
