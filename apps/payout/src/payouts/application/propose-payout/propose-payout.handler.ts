import { Inject, Injectable } from '@nestjs/common';
import { getAddress } from 'ethers';
import type { EntityManager } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import type { EventEnvelope, EventPayload } from '@liqpass/events';
import { OutboxWriter, PermanentError } from '@liqpass/messaging';
import { PAYOUT_SETTINGS, type PayoutSettings } from '../../../config/payout-settings';
import { checkPayoutLimits } from '../../domain/payout-limits';
import { PayoutMetrics } from '../../infrastructure/payout-metrics';
import { PayoutRepository, type NewSafeTx } from '../../infrastructure/payout.repository';
import { SafeChain } from '../../infrastructure/safe-chain';
import { allocateSafeTx } from './allocate-safe-tx';

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

    const [totals, balance] = await Promise.all([this.payouts.committedTotals(manager), this.chain.treasuryBalance()]);
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
      await this.payouts.insert(manager, { ...base, status: 'HELD', heldReason: hold.reason, heldDetail: hold.detail, safeNonce: null, safeTxHash: null, safeTx: null, proposedBlock: null });
      this.metrics.payouts.inc({ outcome: 'held' });
      return 'HELD';
    }

    const next = await allocateSafeTx(manager, { settings: this.settings, payouts: this.payouts, chain: this.chain }, base.recipient, amount);
    await this.payouts.insert(manager, {
      ...base,
      status: 'PROPOSED',
      heldReason: null,
      heldDetail: null,
      safeNonce: next.nonce,
      safeTxHash: next.hash,
      safeTx: next.tx,
      proposedBlock: next.proposedBlock,
    });
    await this.outbox.appendNew(manager, 'PayoutProposed', payoutProposedPayload(base, next), { correlationId: event.correlationId, causationId: event.id });
    this.metrics.payouts.inc({ outcome: 'proposed' });
    return 'PROPOSED';
  }
}

/** The PayoutProposed payload of a payout's (new) SafeTx. */
export function payoutProposedPayload(
  p: { id: string; claimId: string; chainId: number; safeAddress: string; recipient: string; token: string; amountUsdc: string },
  next: NewSafeTx,
): EventPayload<'PayoutProposed'> {
  return {
    payoutId: p.id,
    claimId: p.claimId,
    chainId: p.chainId,
    safeAddress: p.safeAddress,
    safeTxHash: next.hash,
    safeNonce: next.nonce,
    recipient: p.recipient,
    token: p.token,
    amountUsdc: p.amountUsdc,
    proposedAt: new Date().toISOString(),
  };
}
