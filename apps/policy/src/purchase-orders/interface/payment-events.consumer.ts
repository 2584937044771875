import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@liqpass/events';
import { HandlesEvent, PermanentError } from '@liqpass/messaging';
import { LOGGER } from '@liqpass/service-kit';
import { PolicyMetrics } from '../../shared/infrastructure/policy.metrics';
import { PolicyRefusal } from '../application/policy-transitions';
import { RecordPaymentHandler } from '../application/record-payment/record-payment.handler';

/**
 * PremiumPaid → paid / active / PAYMENT_MISMATCH; PremiumPaymentReverted → rolled back. The
 * inbox drops a redelivered event; a re-published one finds its payment recorded and changes
 * nothing. A payment no order explains is dead-lettered: finance must refund it.
 */
@Injectable()
export class PaymentEventsConsumer {
  constructor(
    private readonly payments: RecordPaymentHandler,
    private readonly metrics: PolicyMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @HandlesEvent('PremiumPaid')
  async onPremiumPaid(event: EventEnvelope<'PremiumPaid'>, manager: EntityManager): Promise<void> {
    const p = event.payload;
    const actor = { actor: 'event:PremiumPaid', cause: `${p.chainId}:${p.txHash}:${p.logIndex}`, causationId: event.id };
    const payment = {
      chainId: p.chainId,
      checkoutAddress: p.checkoutAddress,
      txHash: p.txHash,
      logIndex: p.logIndex,
      blockTime: new Date(p.blockTime),
      orderId: p.orderId,
      payer: p.buyer,
      amountUsdc: BigInt(p.premiumAmountUsdc),
      quoteHash: p.quoteHash,
    };
    const outcome = await this.settle(() => this.payments.record(payment, actor, manager), 'PremiumPaid');
    if (outcome?.kind === 'unknown-order') throw new PermanentError(`PremiumPaid ${actor.cause} pays order ${p.orderId}, which no purchase order has: refund it`);
    if (outcome && !outcome.changed) this.metrics.ignoredEvents.inc({ event: 'PremiumPaid', reason: 'already-recorded' });
  }

  @HandlesEvent('PremiumPaymentReverted')
  async onPaymentReverted(event: EventEnvelope<'PremiumPaymentReverted'>, manager: EntityManager): Promise<void> {
    const p = event.payload;
    const actor = { actor: 'event:PremiumPaymentReverted', cause: `${p.chainId}:${p.txHash}:${p.logIndex}`, causationId: event.id };
    const outcome = await this.settle(() => this.payments.revert(p, actor, manager), 'PremiumPaymentReverted');
    if (outcome?.kind === 'unknown-order') this.metrics.ignoredEvents.inc({ event: 'PremiumPaymentReverted', reason: 'unknown-order' });
  }

  /** A refusal cannot get better by retrying: dead-letter it, loudly, for a person to look at. */
  private async settle<T>(work: () => Promise<T>, type: string): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof PolicyRefusal) {
        this.logger.error({ err: error, type }, 'payment event contradicts the purchase order');
        throw new PermanentError(error.message, { cause: error });
      }
      throw error;
    }
  }
}
