import { describe, expect, it } from 'vitest';
import { checkPayoutLimits, treasuryAlert } from './payout-limits';

const limits = { perClaimCap: 1000n, dailyLimit: 1500n, treasuryFloor: 100n };
const input = { amount: 500n, proposedToday: 0n, treasuryBalance: 10_000n, pendingTotal: 0n };

describe('checkPayoutLimits', () => {
  it('lets a payout within every limit through', () => {
    expect(checkPayoutLimits(limits, input)).toBeNull();
    expect(checkPayoutLimits(limits, { ...input, amount: 1000n, proposedToday: 500n })).toBeNull();
  });

  it('holds a payout over the per-claim cap', () => {
    expect(checkPayoutLimits(limits, { ...input, amount: 1001n })?.reason).toBe('PER_CLAIM_CAP_EXCEEDED');
  });

  it('holds a payout that would pass the daily limit', () => {
    expect(checkPayoutLimits(limits, { ...input, proposedToday: 1001n })?.reason).toBe('DAILY_LIMIT_EXCEEDED');
  });

  it('holds a payout that would take the treasury, net of pending payouts, below its floor', () => {
    expect(checkPayoutLimits(limits, { ...input, treasuryBalance: 600n })).toBeNull();
    expect(checkPayoutLimits(limits, { ...input, treasuryBalance: 700n, pendingTotal: 101n })?.reason).toBe('TREASURY_BELOW_FLOOR');
  });
});

describe('treasuryAlert', () => {
  it('flags below the floor and above the ceiling', () => {
    expect(treasuryAlert(99n, 100n, 1000n)).toBe('BELOW_FLOOR');
    expect(treasuryAlert(1001n, 100n, 1000n)).toBe('ABOVE_CEILING');
    expect(treasuryAlert(500n, 100n, 1000n)).toBe('OK');
  });
});
