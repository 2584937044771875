import { Inject, Injectable } from '@nestjs/common';
import { PAYOUT_SETTINGS, type PayoutSettings } from '../../../config/payout-settings';
import { checkExecution } from '../../domain/execution-check';
import type { PayoutRecord } from '../../infrastructure/payout.repository';
import { SafeChain } from '../../infrastructure/safe-chain';

export type VerifyOutcome =
  | { readonly kind: 'NOT_MINED' }
  | { readonly kind: 'UNCONFIRMED'; readonly why: string }
  | { readonly kind: 'REVERTED' }
  | { readonly kind: 'MISMATCH'; readonly reason: string }
  | { readonly kind: 'CONFIRMED'; readonly blockNumber: number; readonly blockTime: Date; readonly transferLogIndex: number };

/**
 * The on-chain check of a payout transaction, with the payment listener's rules (CHAIN.md): the
 * block must be buried under the configured confirmations, and the receipt's block must still be
 * the canonical one at its height (a reorged-out receipt waits for the next look). Then the logs
 * must hold the Safe's ExecutionSuccess and the exact USDC transfer (domain/execution-check).
 */
@Injectable()
export class ExecutionVerifier {
  constructor(
    @Inject(PAYOUT_SETTINGS) private readonly settings: PayoutSettings,
    private readonly chain: SafeChain,
  ) {}

  async verify(txHash: string, payout: PayoutRecord, anySafeTx: boolean): Promise<VerifyOutcome> {
    const receipt = await this.chain.receipt(txHash);
    if (!receipt) return { kind: 'NOT_MINED' };
    const target = (await this.chain.head()) - this.settings.chain.confirmations;
    if (receipt.blockNumber > target) return { kind: 'UNCONFIRMED', why: `mined in block ${receipt.blockNumber}; waiting for ${this.settings.chain.confirmations} confirmations` };
    const block = await this.chain.provider.getBlock(receipt.blockNumber);
    if (!block || block.hash?.toLowerCase() !== receipt.blockHash) return { kind: 'UNCONFIRMED', why: `block ${receipt.blockNumber} changed under the receipt (reorg)` };
    if (receipt.status !== 1) return { kind: 'REVERTED' };
    const verdict = checkExecution(receipt.status, receipt.logs, {
      safe: payout.safeAddress,
      token: payout.token,
      recipient: payout.recipient,
      amount: BigInt(payout.amountUsdc),
      safeTxHash: payout.safeTxHash ?? '',
      anySafeTx,
    });
    if (!verdict.ok) return { kind: 'MISMATCH', reason: verdict.reason };
    return { kind: 'CONFIRMED', blockNumber: receipt.blockNumber, blockTime: new Date(block.timestamp * 1000), transferLogIndex: verdict.transferLogIndex };
  }
}
