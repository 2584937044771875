import { getAddress } from 'ethers';

/**
 * A payout's life: HELD (a limit stopped it; no Safe transaction) or PROPOSED (SafeTx built,
 * collecting owner signatures) → EXECUTING (execTransaction sent) → EXECUTED (ExecutionSuccess
 * and the exact transfer confirmed) or FLAGGED (ExecutionFailure or a mismatch:
 * PAYOUT_TX_MISMATCH). A reverted execTransaction returns to PROPOSED. Finance may release a
 * HELD payout (→ PROPOSED). A PROPOSED payout whose Safe nonce another Safe transaction used is
 * FLAGGED with SAFE_NONCE_CONSUMED (or followed to EXECUTING when that transaction was its own
 * SafeTx), and finance may re-propose it with a fresh nonce (→ PROPOSED).
 */
export const PAYOUT_STATUSES = ['HELD', 'PROPOSED', 'EXECUTING', 'EXECUTED', 'FLAGGED'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

/** A refusal with a reason code (libs/events REASON_CODES) and the HTTP status the gateway passes on. */
export class PayoutError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'FORBIDDEN' | 'VALIDATION_FAILED' | 'INVALID_STATUS_TRANSITION' | 'PAYOUT_TX_MISMATCH',
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'PayoutError';
  }
}

/** The two-person rule: the wallet that approved a claim may not `act` on its payout. */
export function refuseApprover(approvedBy: string, caller: string, act: 'execute' | 'record' | 'release' | 're-propose'): void {
  if (getAddress(approvedBy) === getAddress(caller)) throw new PayoutError('FORBIDDEN', `two-person rule: the wallet that approved the claim may not ${act} its payout`, 403);
}

/** USDC has 6 decimals everywhere (CHAIN.md). */
export const USDC_UNIT = 1_000_000n;
