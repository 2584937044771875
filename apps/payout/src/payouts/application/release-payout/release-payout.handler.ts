import { Inject, Injectable } from '@nestjs/common';
import { getAddress } from 'ethers';
import { DataSource } from 'typeorm';
import { OutboxWriter } from '@liqpass/messaging';
import { PAYOUT_SETTINGS, type PayoutSettings } from '../../../config/payout-settings';
import { PayoutError, refuseApprover } from '../../domain/payout';
import { PayoutMetrics } from '../../infrastructure/payout-metrics';
import { PayoutRepository } from '../../infrastructure/payout.repository';
import { SafeChain } from '../../infrastructure/safe-chain';
import { payoutView, type PayoutView } from '../payout-view';
import { allocateSafeTx } from '../propose-payout/allocate-safe-tx';
import { payoutProposedPayload } from '../propose-payout/propose-payout.handler';

export interface ReleasePayoutCommand {
  readonly payoutId: string;
  readonly caller: string;
  readonly reason: string;
}

/**
 * Finance releases a HELD payout (a limit stopped it; held payouts are never released
 * automatically): it gets its SafeTx at the next free Safe nonce and `PayoutProposed`, and the
 * release names who and why. The claim's approver may not release it (two-person rule), and a
 * treasury that cannot cover it on top of the pending payouts is refused — the limit is
 * overridden, the balance is not.
 */
@Injectable()
export class ReleasePayoutHandler {
  constructor(
    @Inject(PAYOUT_SETTINGS) private readonly settings: PayoutSettings,
    private readonly dataSource: DataSource,
    private readonly payouts: PayoutRepository,
    private readonly chain: SafeChain,
    private readonly outbox: OutboxWriter,
    private readonly metrics: PayoutMetrics,
  ) {}

  async execute(cmd: ReleasePayoutCommand): Promise<PayoutView> {
    const caller = getAddress(cmd.caller);
    const view = await this.dataSource.transaction(async (manager) => {
      await this.payouts.lockSafe(manager, this.settings.chain.contracts.treasurySafe);
      const payout = await this.payouts.get(cmd.payoutId, manager, true);
      if (!payout) throw new PayoutError('NOT_FOUND', `no payout ${cmd.payoutId}`, 404);
      refuseApprover(payout.approvedBy, caller, 'release');
      if (payout.status !== 'HELD') throw new PayoutError('INVALID_STATUS_TRANSITION', `payout is ${payout.status}; only a HELD payout can be released`, 409);
      const amount = BigInt(payout.amountUsdc);
      const [balance, totals] = await Promise.all([this.chain.treasuryBalance(), this.payouts.committedTotals(manager)]);
      if (balance - totals.pending < amount) {
        throw new PayoutError('INVALID_STATUS_TRANSITION', `the treasury holds ${balance} base units with ${totals.pending} pending; it cannot cover ${amount}`, 409);
      }
      const next = await allocateSafeTx(manager, { settings: this.settings, payouts: this.payouts, chain: this.chain }, payout.recipient, amount);
      if (!(await this.payouts.release(manager, payout.id, next, caller, `${payout.heldReason}: ${cmd.reason}`))) {
        throw new PayoutError('INVALID_STATUS_TRANSITION', 'the payout changed while it was being released', 409);
      }
      await this.outbox.appendNew(manager, 'PayoutProposed', payoutProposedPayload(payout, next));
      return payoutView((await this.payouts.get(payout.id, manager))!, []);
    });
    this.metrics.payouts.inc({ outcome: 'released' });
    return view;
  }
}
