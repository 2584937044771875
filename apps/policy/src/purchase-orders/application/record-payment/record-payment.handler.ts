import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { POLICY_SETTINGS, type PolicySettings } from '../../../config/policy-settings';
import { PolicyMetrics } from '../../../shared/infrastructure/policy.metrics';
import { decidePayment, decidePaymentReverted, type AcceptedChain } from '../../domain/life-cycle';
import type { PremiumPayment } from '../../domain/purchase-order';
import { PurchaseOrderRepository } from '../../infrastructure/purchase-order.repository';
import { toPurchaseOrder as toOrder, type PurchaseOrderRow } from '../../infrastructure/purchase-order.row';
import { QuoteRepository } from '../../../quotes/infrastructure/quote.repository';
import { CreatePurchaseOrderHandler } from '../create-purchase-order/create-purchase-order.handler';
import { PolicyTransitions, type Actor } from '../policy-transitions';

export type RecordOutcome = { readonly kind: 'unknown-order' } | { readonly kind: 'recorded'; readonly row: PurchaseOrderRow; readonly changed: boolean };

/**
 * A confirmed PremiumPaid (from the listener's event, or read back for mark-paid) checked
 * against its order: paid / active, or PAYMENT_MISMATCH. The same payment twice changes nothing.
 */
@Injectable()
export class RecordPaymentHandler {
  private readonly accepted: AcceptedChain;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(POLICY_SETTINGS) settings: PolicySettings,
    private readonly orders: PurchaseOrderRepository,
    private readonly transitions: PolicyTransitions,
    private readonly metrics: PolicyMetrics,
    private readonly quotes: QuoteRepository,
    private readonly creator: CreatePurchaseOrderHandler,
  ) {
    this.accepted = { chainId: settings.chain.chainId, checkouts: [settings.chain.contracts.checkout, ...settings.chain.previousCheckouts] };
  }

  /** In the caller's transaction when given (the inbox's), else in a new one. */
  async record(payment: PremiumPayment, actor: Actor, manager?: EntityManager): Promise<RecordOutcome> {
    const run = async (tx: EntityManager): Promise<RecordOutcome> => {
      const row = (await this.orders.lock(tx, { orderId: payment.orderId })) ?? (await this.orderPaidBeforeCreated(tx, payment, actor));
      if (!row) return { kind: 'unknown-order' };
      const decision = decidePayment(toOrder(row), payment, this.accepted);
      if (decision.kind === 'change' && decision.steps.includes('PAYMENT_MISMATCH')) this.metrics.paymentMismatches.inc();
      return { kind: 'recorded', ...(await this.transitions.apply(tx, row, decision, actor)) };
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /**
   * A quote of a position paid before its purchase order was created: the payment is the
   * purchase (the checkout took it before the quote's deadline), so the order is created now.
   */
  private async orderPaidBeforeCreated(tx: EntityManager, payment: PremiumPayment, actor: Actor): Promise<PurchaseOrderRow | null> {
    const quote = await this.quotes.lockByOrderId(tx, payment.orderId);
    if (!quote?.position) return null;
    const existing = await this.orders.findByQuote(tx, quote.id);
    if (existing) return this.orders.lock(tx, { id: existing.id });
    await this.creator.insertFromQuote(tx, { ...quote, position: quote.position }, { actor: actor.actor, reason: 'created by the payment of its quote' });
    return this.orders.lock(tx, { id: quote.purchaseOrderId });
  }

  async revert(reverted: { chainId: number; txHash: string; logIndex: number; orderId: string }, actor: Actor, manager: EntityManager): Promise<RecordOutcome> {
    const row = await this.orders.lock(manager, { orderId: reverted.orderId });
    if (!row) return { kind: 'unknown-order' };
    return { kind: 'recorded', ...(await this.transitions.apply(manager, row, decidePaymentReverted(toOrder(row), reverted), actor)) };
  }

  get acceptedChain(): AcceptedChain {
    return this.accepted;
  }
}
