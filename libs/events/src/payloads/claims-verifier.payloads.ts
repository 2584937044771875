import { z } from 'zod';
import { reasonCode } from '../reason-codes';
import { baseUnits, bytes32, isoTimestamp, okxString, txHash, uuid, walletAddress } from '../primitives/wire-types';

/** Events published by the claims verifier (owner of `insurance_claims`). */

export const claimSource = z.enum(['TRADER', 'INTERNAL_TRIGGER']);
export const liquidationKind = z.enum(['FULL', 'PARTIAL']);

/**
 * A claim was opened in `VERIFYING`. The verifier publishes it in the same transaction as the
 * claim row and consumes it itself, so verification survives a restart.
 */
export const claimRequestedV1 = z.object({
  claimId: uuid,
  purchaseOrderId: uuid,
  claimant: walletAddress,
  source: claimSource,
  requestedAt: isoTimestamp,
});

/** Evidence sealed; the claim waits for a reviewer (`VERIFIED_PENDING_REVIEW`). */
export const claimVerifiedV1 = z.object({
  claimId: uuid,
  purchaseOrderId: uuid,
  okxEventId: okxString,
  liquidationKind,
  /** OKX liquidation time in epoch milliseconds. */
  liquidationTimeMs: z.number().int().nonnegative(),
  evidenceRoot: bytes32,
  payoutAmountUsdc: baseUnits,
  payoutCapUsdc: baseUnits,
  verifiedAt: isoTimestamp,
});

/** Refused by the verifier's rules or by a reviewer. */
export const claimRejectedV1 = z.object({
  claimId: uuid,
  purchaseOrderId: uuid,
  reasonCode,
  rejectedBy: z.enum(['VERIFIER', 'REVIEWER']),
  /** The reviewer's wallet when a human rejected it. */
  reviewer: walletAddress.nullable(),
  note: z.string().max(2000).nullable(),
  rejectedAt: isoTimestamp,
});

/** Verification could not finish (OKX down, timeout); may be retried back to `VERIFYING`. */
export const claimFailedV1 = z.object({
  claimId: uuid,
  purchaseOrderId: uuid,
  reasonCode,
  retryable: z.boolean(),
  failedAt: isoTimestamp,
});

/** A reviewer approved: the payout service turns this into a Safe transaction. */
export const claimApprovedV1 = z.object({
  claimId: uuid,
  purchaseOrderId: uuid,
  recipient: walletAddress,
  payoutAmountUsdc: baseUnits,
  chainId: z.number().int().positive(),
  token: walletAddress,
  /** Memo of the payout instruction. */
  evidenceRoot: bytes32,
  approvedBy: walletAddress,
  approvedAt: isoTimestamp,
});

/** The payout was confirmed on-chain: the claim is `PAID`. */
export const claimPaidV1 = z.object({
  claimId: uuid,
  purchaseOrderId: uuid,
  payoutAmountUsdc: baseUnits,
  multisigSafe: walletAddress,
  multisigTxHash: txHash,
  paidAt: isoTimestamp,
});
