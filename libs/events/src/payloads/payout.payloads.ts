import { z } from 'zod';
import { baseUnits, blockNumber, bytes32, chainId, isoTimestamp, txHash, uuid, walletAddress } from '../primitives/wire-types';

/** Events published by the payout service (owner of payouts and Safe transactions). */

const payoutInstruction = {
  payoutId: uuid,
  claimId: uuid,
  chainId,
  safeAddress: walletAddress,
  /** Idempotency key of the payout together with the Safe nonce (CHAIN.md). */
  safeTxHash: bytes32,
  safeNonce: z.number().int().nonnegative(),
  recipient: walletAddress,
  token: walletAddress,
  amountUsdc: baseUnits,
};

/** A Safe transaction paying the claim was built and awaits owner signatures. */
export const payoutProposedV1 = z.object({
  ...payoutInstruction,
  proposedAt: isoTimestamp,
});

/** The Safe executed the payout and the USDC Transfer to the recipient was checked on-chain. */
export const payoutExecutedV1 = z.object({
  ...payoutInstruction,
  txHash,
  blockNumber,
  executedAt: isoTimestamp,
});
