import { Injectable } from '@nestjs/common';
import { getAddress } from 'ethers';
import { DataSource } from 'typeorm';
import { OutboxWriter } from '@liqpass/messaging';
import { PayoutError, refuseApprover } from '../../domain/payout';
import { PayoutMetrics } from '../../infrastructure/payout-metrics';
import { PayoutRepository } from '../../infrastructure/payout.repository';
import { ExecutionVerifier } from '../confirm-execution/execution-verifier';
import { payoutExecutedPayload } from '../confirm-execution/payout-executed';

export interface MarkPaidCommand {
  readonly claimId: string;
  readonly multisigTxHash: string;
  readonly paidAtSec: number;
  readonly caller: string;
}

/**
 * The manual path: a payout executed in the Safe UI is recorded only after the same on-chain
 * check as the watcher's (confirmed, ExecutionSuccess of the treasury Safe, the exact USDC
 * transfer to the recipient); a Transaction Builder batch (another SafeTx hash) is accepted
 * too, and each on-chain transfer can pay one payout only. An arbitrary hash is refused.
 */
@Injectable()
export class MarkPaidHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly payouts: PayoutRepository,
    private readonly verifier: ExecutionVerifier,
    private readonly outbox: OutboxWriter,
    private readonly metrics: PayoutMetrics,
  ) {}

  async execute(cmd: MarkPaidCommand) {
    const txHash = cmd.multisigTxHash.toLowerCase();
    const payout = await this.payouts.findByClaim(this.dataSource.manager, cmd.claimId);
    if (!payout) throw new PayoutError('NOT_FOUND', `no payout for claim ${cmd.claimId}`, 404);
    refuseApprover(payout.approvedBy, cmd.caller, 'record');
    if (payout.status === 'EXECUTED') {
      if (payout.execTxHash === txHash) return this.answer(payout.id, payout.claimId, txHash, payout.executedAt!);
      throw new PayoutError('INVALID_STATUS_TRANSITION', `claim ${cmd.claimId} was already paid by ${payout.execTxHash}`, 409);
    }
    if (payout.status === 'HELD') throw new PayoutError('INVALID_STATUS_TRANSITION', `the payout is held (${payout.heldReason}); nothing was proposed to pay`, 409);

    const outcome = await this.verifier.verify(txHash, payout, true);
    switch (outcome.kind) {
      case 'NOT_MINED':
        throw new PayoutError('PAYOUT_TX_MISMATCH', `no mined transaction ${txHash} on chain ${payout.chainId}`, 422);
      case 'UNCONFIRMED':
        throw new PayoutError('PAYOUT_TX_MISMATCH', `${txHash} is not confirmed yet (${outcome.why}); try again later`, 409);
      case 'REVERTED':
        throw new PayoutError('PAYOUT_TX_MISMATCH', `${txHash} reverted`, 422);
      case 'MISMATCH':
        throw new PayoutError('PAYOUT_TX_MISMATCH', `${txHash} did not pay this claim: ${outcome.reason}`, 422);
      case 'CONFIRMED':
        break;
    }
    const requestedPaidAt = new Date(cmd.paidAtSec * 1000);
    const recorded = await this.dataSource.transaction(async (m): Promise<{ paidAt: Date; now: boolean }> => {
      const current = await this.payouts.getByClaimForUpdate(m, cmd.claimId);
      // The watcher may have confirmed this very transaction meanwhile (a SafeTx executed in the Safe UI is followed too).
      if (current?.status === 'EXECUTED' && current.execTxHash === txHash) return { paidAt: current.executedAt!, now: false };
      if (!current || current.status === 'EXECUTED' || current.status === 'HELD') {
        throw new PayoutError('INVALID_STATUS_TRANSITION', `payout is ${current?.status ?? 'gone'}`, 409);
      }
      if (await this.payouts.transferUsed(m, current.chainId, txHash, outcome.transferLogIndex)) {
        throw new PayoutError('PAYOUT_TX_MISMATCH', `that transfer in ${txHash} already paid another payout`, 422);
      }
      await this.payouts.markExecuted(m, current.id, { txHash, blockNumber: outcome.blockNumber, logIndex: outcome.transferLogIndex, executedAt: requestedPaidAt, executedBy: getAddress(cmd.caller) });
      await this.outbox.appendNew(m, 'PayoutExecuted', payoutExecutedPayload(current, txHash, outcome.blockNumber, requestedPaidAt));
      return { paidAt: requestedPaidAt, now: true };
    });
    if (recorded.now) this.metrics.payouts.inc({ outcome: 'executed' });
    return this.answer(payout.id, payout.claimId, txHash, recorded.paidAt);
  }

  private answer(payoutId: string, claimId: string, txHash: string, paidAt: Date) {
    return { claimId, payoutId, status: 'EXECUTED' as const, multisigTxHash: txHash, paidAt: paidAt.toISOString() };
  }
}
