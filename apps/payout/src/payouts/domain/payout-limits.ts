/**
 * The limits checked before a payout is proposed (PRODUCT.md §5, issue 8): a per-claim cap, a
 * daily payout limit and a minimum treasury balance. Breaking one holds the payout with a
 * reason instead of proposing it. Pure; amounts in USDC base units.
 */
export type HoldReason = 'PER_CLAIM_CAP_EXCEEDED' | 'DAILY_LIMIT_EXCEEDED' | 'TREASURY_BELOW_FLOOR';

export interface PayoutLimits {
  readonly perClaimCap: bigint;
  readonly dailyLimit: bigint;
  readonly treasuryFloor: bigint;
}

export interface LimitInputs {
  readonly amount: bigint;
  /** Already committed today (UTC): proposed, executing, executed and flagged payouts. */
  readonly proposedToday: bigint;
  readonly treasuryBalance: bigint;
  /** Proposed or executing payouts not yet paid out of the treasury. */
  readonly pendingTotal: bigint;
}

export interface HoldDecision {
  readonly reason: HoldReason;
  readonly detail: string;
}

export function checkPayoutLimits(limits: PayoutLimits, input: LimitInputs): HoldDecision | null {
  if (input.amount > limits.perClaimCap) {
    return { reason: 'PER_CLAIM_CAP_EXCEEDED', detail: `payout ${input.amount} exceeds the per-claim cap ${limits.perClaimCap}` };
  }
  if (input.proposedToday + input.amount > limits.dailyLimit) {
    return {
      reason: 'DAILY_LIMIT_EXCEEDED',
      detail: `payout ${input.amount} on top of ${input.proposedToday} already proposed today exceeds the daily limit ${limits.dailyLimit}`,
    };
  }
  const after = input.treasuryBalance - input.pendingTotal - input.amount;
  if (after < limits.treasuryFloor) {
    return {
      reason: 'TREASURY_BELOW_FLOOR',
      detail: `treasury ${input.treasuryBalance} minus pending ${input.pendingTotal} minus ${input.amount} would fall below the floor ${limits.treasuryFloor}`,
    };
  }
  return null;
}

/** Treasury alert level for metrics: below the floor, above the hot-balance ceiling, or fine. */
export function treasuryAlert(balance: bigint, floor: bigint, ceiling: bigint): 'BELOW_FLOOR' | 'ABOVE_CEILING' | 'OK' {
  if (balance < floor) return 'BELOW_FLOOR';
  if (balance > ceiling) return 'ABOVE_CEILING';
  return 'OK';
}
