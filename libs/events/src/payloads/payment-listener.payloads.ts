import { z } from 'zod';
import { baseUnits, blockNumber, bytes32, chainId, isoTimestamp, logIndex, seconds, txHash, uuid, walletAddress } from '../primitives/wire-types';

/** Events published by the payment listener, from confirmed chain logs. */

/** Where a log sits on the chain: `(chainId, txHash, logIndex)` is its unique key. */
const chainLog = {
  chainId,
  txHash,
  logIndex,
  blockNumber,
  blockHash: bytes32,
};

/** The checkout contract's `PremiumPaid` log, confirmed: everything the log carries (CHAIN.md). */
export const premiumPaidV1 = z.object({
  ...chainLog,
  blockTime: isoTimestamp,
  checkoutAddress: walletAddress,
  orderId: bytes32,
  buyer: walletAddress,
  token: walletAddress,
  premiumAmountUsdc: baseUnits,
  payoutAmountUsdc: baseUnits,
  coverageSeconds: seconds,
  quoteHash: bytes32,
  treasury: walletAddress,
  confirmations: z.number().int().nonnegative(),
});

/** A previously published `PremiumPaid` vanished in a reorg (CHAIN.md, listener step 3). */
export const premiumPaymentRevertedV1 = z.object({
  ...chainLog,
  orderId: bytes32,
  /** Id of the `PremiumPaid` event this reverses. */
  premiumPaidEventId: uuid,
  revertedAt: isoTimestamp,
});

export const reconciliationMismatchKind = z.enum([
  'PREMIUM_SUM',
  'MISSING_PAYMENT',
  'UNKNOWN_PAYMENT',
  'TREASURY_BALANCE',
  'CHECKOUT_BALANCE',
  'HOT_BALANCE_THRESHOLD',
]);

/** Reconciliation found the chain and the books disagree; finance must look. */
export const reconciliationMismatchV1 = z.object({
  runId: uuid,
  chainId,
  kind: reconciliationMismatchKind,
  fromBlock: blockNumber,
  toBlock: blockNumber,
  expectedUsdc: baseUnits,
  actualUsdc: baseUnits,
  detail: z.string().max(2000),
  detectedAt: isoTimestamp,
});
