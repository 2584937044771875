import { Inject, Injectable } from '@nestjs/common';
import { getAddress } from 'ethers';
import type { EntityManager } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import type { EventEnvelope } from '@liqpass/events';
import { OutboxWriter, PermanentError } from '@liqpass/messaging';
import { PAYOUT_SETTINGS, type PayoutSettings } from '../../../config/payout-settings';
import { checkPayoutLimits } from '../../domain/payout-limits';
import { safeTxHash, usdcTransferSafeTx } from '../../domain/safe-tx';
import { PayoutMetrics } from '../../infrastructure/payout-metrics';
import { PayoutRepository } from '../../infrastructure/payout.repository';
import { SafeChain } from '../../infrastructure/safe-chain';

export type ProposeOutcome = 'PROPOSED' | 'HELD' | 'ALREADY_EXISTS';

/**
 * ClaimApproved → one payout per claim: the limits are checked, then either a HELD payout with
 * its reason or a PROPOSED one with its SafeTx (USDC transfer, next free Safe nonce, SafeTx hash)
 * and `PayoutProposed`, in the inbox transaction. A claim that already has a payout proposes
 * nothing new (also guarded by the unique claim_id).
 */
@Injectable()
export class ProposePayoutHandler {
  constructor(
    @Inject(PAYOUT_SETTINGS) private readonly settings: PayoutSettings,
    private readonly payouts: PayoutRepository,
    private readonly chain: SafeChain,
    private readonly outbox: OutboxWriter,
    private readonly metrics: PayoutMetrics,
  ) {}

  async execute(event: EventEnvelope<'ClaimApproved'>, manager: EntityManager): Promise<ProposeOutcome> {
    const p = event.payload;
    const { chain } = this.settings;
    if (p.chainId !== chain.chainId) throw new PermanentError(`ClaimApproved for chain ${p.chainId}; this payout service pays on chain ${chain.chainId}`);
    if (getAddress(p.token) !== chain.contracts.usdc) throw new PermanentError(`ClaimApproved pays in ${p.token}; only USDC ${chain.contracts.usdc} is paid out`);
    const amount = BigInt(p.payoutAmountUsdc);
    if (amount <= 0n) throw new PermanentError('ClaimApproved with a zero payout');

    const safe = chain.contracts.treasurySafe;
    await this.payouts.lockSafe(manager, safe);
    if (await this.payouts.findByClaim(manager, p.claimId)) return 'ALREADY_EXISTS';

    const [totals, balance, state] = await Promise.all([this.payouts.committedTotals(manager), this.chain.treasuryBalance(), this.chain.safeState()]);
    const hold = checkPayoutLimits(this.settings.limits, { amount, proposedToday: totals.today, pendingTotal: totals.pending, treasuryBalance: balance });
    const base = {
      id: uuidv7(),
      claimId: p.claimId,
      purchaseOrderId: p.purchaseOrderId,
      chainId: chain.chainId,
      safeAddress: safe,
      token: chain.contracts.usdc,
      recipient: getAddress(p.recipient),
      amountUsdc: amount.toString(),
      memo: p.evidenceRoot.toLowerCase(),
      approvedBy: getAddress(p.approvedBy),
    };
    if (hold) {
      await this.payouts.insert(manager, { ...base, status: 'HELD', heldReason: hold.reason, heldDetail: hold.detail, safeNonce: null, safeTxHash: null, safeTx: null });
      this.metrics.payouts.inc({ outcome: 'held' });
      return 'HELD';
    }

    // Safe nonces are sequential: the next one after every payout already waiting for its turn.
    const highest = await this.payouts.highestNonce(manager, chain.chainId, safe);
    const nonce = Math.max(state.nonce, highest === null ? 0 : highest + 1);
    const tx = usdcTransferSafeTx(chain.contracts.usdc, base.recipient, amount, nonce);
    const hash = safeTxHash(chain.chainId, safe, tx);
    await this.payouts.insert(manager, { ...base, status: 'PROPOSED', heldReason: null, heldDetail: null, safeNonce: nonce, safeTxHash: hash, safeTx: tx });
    await this.outbox.appendNew(manager, 'PayoutProposed', {
      payoutId: base.id,
      claimId: base.claimId,
      chainId: chain.chainId,
      safeAddress: safe,
      safeTxHash: hash,
      safeNonce: nonce,
      recipient: base.recipient,
      token: base.token,
      amountUsdc: base.amountUsdc,
      proposedAt: new Date().toISOString(),
    }, { correlationId: event.correlationId, causationId: event.id });
    this.metrics.payouts.inc({ outcome: 'proposed' });
    return 'PROPOSED';
  }
}
