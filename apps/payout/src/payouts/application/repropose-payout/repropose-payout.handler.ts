import { Inject, Injectable } from '@nestjs/common';
import { getAddress } from 'ethers';
import { DataSource, type EntityManager } from 'typeorm';
import { OutboxWriter } from '@liqpass/messaging';
import { PAYOUT_SETTINGS, type PayoutSettings } from '../../../config/payout-settings';
import { PayoutError, refuseApprover } from '../../domain/payout';
import { PayoutMetrics } from '../../infrastructure/payout-metrics';
import { PayoutRepository, type PayoutRecord } from '../../infrastructure/payout.repository';
import { SafeChain } from '../../infrastructure/safe-chain';
import { SAFE_NONCE_CONSUMED } from '../confirm-execution/detect-consumed-nonces.handler';
import { payoutView, type PayoutView } from '../payout-view';
import { allocateSafeTx } from '../propose-payout/allocate-safe-tx';
import { payoutProposedPayload } from '../propose-payout/propose-payout.handler';

export interface ReproposePayoutCommand {
  readonly payoutId: string;
  readonly caller: string;
}

/**
 * Finance re-proposes a payout FLAGGED with SAFE_NONCE_CONSUMED: a fresh SafeTx at the next free
 * nonce (the old hash is kept, its signatures dropped), `PayoutProposed` again. Checked on-chain
 * first, since re-proposing a payout that was in fact paid would pay twice: the Safe is past the
 * old nonce, the old SafeTx never executed, and no USDC transfer of exactly this amount from the
 * Safe to the recipient since the old proposal is unaccounted for (that could be a batch made in
 * the Safe UI: record it with mark-paid instead). The claim's approver may not do it.
 */
@Injectable()
export class ReproposePayoutHandler {
  constructor(
    @Inject(PAYOUT_SETTINGS) private readonly settings: PayoutSettings,
    private readonly dataSource: DataSource,
    private readonly payouts: PayoutRepository,
    private readonly chain: SafeChain,
    private readonly outbox: OutboxWriter,
    private readonly metrics: PayoutMetrics,
  ) {}

  async execute(cmd: ReproposePayoutCommand): Promise<PayoutView> {
    const caller = getAddress(cmd.caller);
    const view = await this.dataSource.transaction(async (manager) => {
      await this.payouts.lockSafe(manager, this.settings.chain.contracts.treasurySafe);
      const payout = await this.payouts.get(cmd.payoutId, manager, true);
      if (!payout) throw new PayoutError('NOT_FOUND', `no payout ${cmd.payoutId}`, 404);
      refuseApprover(payout.approvedBy, caller, 're-propose');
      if (payout.status !== 'FLAGGED' || !payout.flagReason?.startsWith(SAFE_NONCE_CONSUMED)) {
        throw new PayoutError('INVALID_STATUS_TRANSITION', `payout is ${payout.status}; only a payout flagged ${SAFE_NONCE_CONSUMED} can be re-proposed`, 409);
      }
      await this.checkNotPaid(manager, payout);
      const next = await allocateSafeTx(manager, { settings: this.settings, payouts: this.payouts, chain: this.chain }, payout.recipient, BigInt(payout.amountUsdc));
      const note = `re-proposed at Safe nonce ${next.nonce} by ${caller}: nonce ${payout.safeNonce} (SafeTx ${payout.safeTxHash}) was consumed`;
      if (!(await this.payouts.repropose(manager, payout.id, next, note))) {
        throw new PayoutError('INVALID_STATUS_TRANSITION', 'the payout changed while it was being re-proposed', 409);
      }
      await this.outbox.appendNew(manager, 'PayoutProposed', payoutProposedPayload(payout, next));
      return payoutView((await this.payouts.get(payout.id, manager))!, []);
    });
    this.metrics.payouts.inc({ outcome: 'reproposed' });
    return view;
  }

  private async checkNotPaid(manager: EntityManager, payout: PayoutRecord): Promise<void> {
    const [state, head] = await Promise.all([this.chain.safeState(), this.chain.head()]);
    if (payout.safeNonce === null || state.nonce <= payout.safeNonce) {
      throw new PayoutError('INVALID_STATUS_TRANSITION', `the Safe is at nonce ${state.nonce}; nonce ${payout.safeNonce} is not used yet`, 409);
    }
    const from = payout.proposedBlock ?? 0;
    const [execution] = await this.chain.executionsOf(payout.safeTxHash!, from, head);
    if (execution) throw new PayoutError('INVALID_STATUS_TRANSITION', `SafeTx ${payout.safeTxHash} was executed in ${execution}; record it with mark-paid`, 409);
    const amount = BigInt(payout.amountUsdc);
    for (const transfer of await this.chain.transfersFromSafe(payout.recipient, from, head)) {
      if (transfer.amount !== amount || (await this.payouts.transferUsed(manager, payout.chainId, transfer.txHash, transfer.logIndex))) continue;
      throw new PayoutError(
        'INVALID_STATUS_TRANSITION',
        `the Safe sent exactly ${amount} base units to ${payout.recipient} in ${transfer.txHash}, which no payout accounts for: if it paid this claim, record it with mark-paid; re-proposing could pay twice`,
        409,
      );
    }
  }
}
