import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@liqpass/events';
import { HandlesEvent, OutboxWriter, type InboxCommit } from '@liqpass/messaging';
import { VerifyClaimHandler } from '../application/verify-claim.handler';
import { ClaimsRepository } from '../infrastructure/claims.repository';

/** The verifier consumes its own ClaimRequested (so verification survives a restart) and the payout's PayoutExecuted. */
@Injectable()
export class ClaimEventsConsumer {
  constructor(
    private readonly verify: VerifyClaimHandler,
    private readonly claims: ClaimsRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Staged: OKX is read outside the transaction; how many at once is VERIFY_CONCURRENCY (app.module).
   * No inbox look-up first: a redelivery of a decided claim's request finds it no longer VERIFYING
   * (startVerification) and reads nothing.
   */
  @HandlesEvent('ClaimRequested', { staged: true, checkSeen: false })
  async onRequested(event: EventEnvelope<'ClaimRequested'>, commit: InboxCommit): Promise<void> {
    await this.verify.execute(event.payload.claimId, commit);
  }

  /** The payout was confirmed on-chain: APPROVED_PENDING_MULTISIG → PAID, and ClaimPaid. */
  @HandlesEvent('PayoutExecuted')
  async onPayoutExecuted(event: EventEnvelope<'PayoutExecuted'>, manager: EntityManager): Promise<void> {
    const p = event.payload;
    const claim = await this.claims.find(manager, p.claimId, true);
    if (!claim || claim.status === 'PAID') return;
    const paidAt = new Date(p.executedAt);
    await this.claims.transition(manager, claim, 'PAID', 'payout', `tx ${p.txHash}`, { multisig_safe: p.safeAddress, multisig_tx_hash: p.txHash, paid_at: paidAt });
    await this.outbox.appendNew(manager, 'ClaimPaid', {
      claimId: claim.id,
      purchaseOrderId: claim.purchase_order_id,
      payoutAmountUsdc: p.amountUsdc,
      multisigSafe: p.safeAddress,
      multisigTxHash: p.txHash,
      paidAt: paidAt.toISOString(),
    });
  }
}
