import type { EventPayload } from '@liqpass/events';
import type { PayoutRecord } from '../../infrastructure/payout.repository';

/** The PayoutExecuted payload of a payout whose execution was confirmed on-chain. */
export function payoutExecutedPayload(p: PayoutRecord, txHash: string, blockNumber: number, executedAt: Date): EventPayload<'PayoutExecuted'> {
  return {
    payoutId: p.id,
    claimId: p.claimId,
    chainId: p.chainId,
    safeAddress: p.safeAddress,
    safeTxHash: p.safeTxHash!,
    safeNonce: p.safeNonce!,
    recipient: p.recipient,
    token: p.token,
    amountUsdc: p.amountUsdc,
    txHash,
    blockNumber,
    executedAt: executedAt.toISOString(),
  };
}
