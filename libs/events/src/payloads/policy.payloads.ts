import { z } from 'zod';
import { baseUnits, bytes32, chainId, decimalString, isoTimestamp, okxString, seconds, txHash, uuid, walletAddress } from '../primitives/wire-types';

/** Events published by the policy service (owner of `purchase_orders`). */

export const policyType = z.enum(['LIQUIDATION_V1']);
export const positionSide = z.enum(['long', 'short', 'net']);
export const marginMode = z.enum(['cross', 'isolated']);

/** A purchase order was created from a live quote and awaits payment and binding. */
export const policyCreatedV1 = z.object({
  purchaseOrderId: uuid,
  /** The bytes32 id the checkout contract sees for this order. */
  orderId: bytes32,
  userWallet: walletAddress,
  chainId,
  policyType,
  quoteHash: bytes32,
  premiumAmountUsdc: baseUnits,
  payoutFixedUsdc: baseUnits,
  payoutCapUsdc: baseUnits,
  coverageSeconds: seconds,
  waitingPeriodSeconds: seconds,
  /** The position the quote priced: okx-binding checks the bound order against it. */
  instId: okxString,
  posSide: positionSide,
  mgnMode: marginMode,
  lever: decimalString,
  quoteExpiresAt: isoTimestamp,
  createdAt: isoTimestamp,
});

/** The policy is paid and bound: coverage runs from start to end. */
export const policyActivatedV1 = z.object({
  purchaseOrderId: uuid,
  orderId: bytes32,
  userWallet: walletAddress,
  chainId,
  payoutFixedUsdc: baseUnits,
  payoutCapUsdc: baseUnits,
  coverageStartAt: isoTimestamp,
  coverageEndAt: isoTimestamp,
  paidAt: isoTimestamp,
  payTxHash: txHash,
  payer: walletAddress,
  /** The bound OKX order, so the claims verifier's read model needs no other source. */
  okx: z.object({
    ordId: okxString,
    instId: okxString,
    posId: okxString.nullable(),
    posSide: positionSide,
    mgnMode: marginMode,
    okxUid: okxString,
  }),
  activatedAt: isoTimestamp,
});

/** Coverage ended without a claim being opened (or after the claim grace period). */
export const policyExpiredV1 = z.object({
  purchaseOrderId: uuid,
  coverageEndAt: isoTimestamp,
  expiredAt: isoTimestamp,
});
