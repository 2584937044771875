import { Inject, Injectable } from '@nestjs/common';
import { getAddress } from 'ethers';
import { DataSource, type EntityManager } from 'typeorm';
import { formatLeverage } from '@liqpass/chain';
import { OutboxWriter } from '@liqpass/messaging';
import { currentCorrelationId } from '@liqpass/observability';
import { checkCapacity } from '@liqpass/pricing';
import { RpcError } from '@liqpass/service-kit';
import { POLICY_SETTINGS, type PolicySettings } from '../../../config/policy-settings';
import type { QuotedPosition } from '../../../quotes/domain/quoted-position';
import { QuoteRepository, type QuoteRecord } from '../../../quotes/infrastructure/quote.repository';
import { TreasuryCapital } from '../../../quotes/infrastructure/treasury-capital';
import { PurchaseOrderRepository } from '../../infrastructure/purchase-order.repository';
import type { PolicyParams, PurchaseOrderRow } from '../../infrastructure/purchase-order.row';
import { TransitionLog } from '../../infrastructure/transition-log';

/** Serialises order creation so the capacity check and the insert see the same exposure. */
const CAPACITY_LOCK_KEY = 0x6c70_6361; // "lpca"

/**
 * POST /purchase_orders: a live quote of the caller becomes a PENDING_PAYMENT order and
 * PolicyCreated, in one transaction with its audit row. Asking again for the same quote
 * returns the same order.
 */
@Injectable()
export class CreatePurchaseOrderHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(POLICY_SETTINGS) private readonly settings: PolicySettings,
    private readonly quotes: QuoteRepository,
    private readonly orders: PurchaseOrderRepository,
    private readonly capital: TreasuryCapital,
    private readonly log: TransitionLog,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(wallet: string, quoteId: string): Promise<{ row: PurchaseOrderRow; created: boolean }> {
    const capitalUsdc = await this.capital.capitalUsdc();
    return this.dataSource.transaction(async (manager) => {
      const quote = await this.quotes.lock(manager, quoteId);
      if (!quote || quote.userWallet !== wallet) throw new RpcError('QUOTE_EXPIRED', `no live quote ${quoteId} of this wallet`, 404);
      const existing = await this.orders.findByQuote(manager, quoteId);
      if (existing) return { row: existing, created: false };
      if (quote.expiresAt.getTime() <= Date.now()) throw new RpcError('QUOTE_EXPIRED', `quote ${quoteId} expired at ${quote.expiresAt.toISOString()}`, 410);
      if (!quote.position) {
        throw new RpcError('VALIDATION_FAILED', 'this quote priced no OKX position (no posId): quote the position to insure, then buy that quote', 422);
      }
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CAPACITY_LOCK_KEY]);
      const exposure = await this.orders.openExposure(quote.instrument, manager);
      const capacity = checkCapacity({
        instId: quote.instrument,
        payoutCapUsdc: quote.payoutCapUsdc,
        instrumentExposureUsdc: exposure.instrument,
        totalExposureUsdc: exposure.total,
        capitalUsdc,
        instrumentLimitBps: this.settings.capacity.instrumentBps,
        totalLimitBps: this.settings.capacity.totalBps,
      });
      if (!capacity.ok) throw new RpcError('CAPACITY_EXCEEDED', capacity.refusal.message, 409);
      const row = await this.insertFromQuote(manager, { ...quote, position: quote.position }, { actor: `wallet:${wallet}`, reason: 'created from a live quote' });
      return { row, created: true };
    });
  }

  /**
   * The order a quote of a position becomes, with its audit row and PolicyCreated, in the
   * caller's transaction. Also used when a quote is paid before its order was created: the
   * payment (made before the quote's deadline, which the checkout enforces) is the purchase.
   */
  async insertFromQuote(manager: EntityManager, quote: QuoteRecord & { position: QuotedPosition }, who: { actor: string; reason: string }): Promise<PurchaseOrderRow> {
    const row = await this.orders.insert(manager, {
      id: quote.purchaseOrderId,
      orderId: quote.orderId,
      quoteId: quote.id,
      userWallet: quote.userWallet,
      chainId: quote.chainId,
      checkoutAddress: quote.checkoutAddress,
      quoteHash: quote.quoteHash,
      instrument: quote.instrument,
      premiumAmountUsdc: quote.premiumAmountUsdc,
      payoutFixedUsdc: quote.payoutFixedUsdc,
      payoutCapUsdc: quote.payoutCapUsdc,
      policyParams: policyParams(quote),
      quoteExpiresAt: quote.expiresAt,
    });
    await this.log.record(manager, {
      purchaseOrderId: row.id,
      from: null,
      to: 'PENDING_PAYMENT',
      reason: who.reason,
      actor: who.actor,
      cause: `quote:${quote.id}`,
      correlationId: currentCorrelationId() ?? null,
    });
    const { position } = quote;
    await this.outbox.appendNew(manager, 'PolicyCreated', {
      purchaseOrderId: row.id,
      orderId: row.order_id,
      userWallet: getAddress(quote.userWallet),
      chainId: row.chain_id,
      policyType: 'LIQUIDATION_V1',
      quoteHash: row.quote_hash,
      premiumAmountUsdc: row.premium_amount_usdc,
      payoutFixedUsdc: row.payout_fixed_usdc,
      payoutCapUsdc: row.payout_cap_usdc,
      coverageSeconds: quote.coverageSeconds,
      waitingPeriodSeconds: quote.waitingPeriodSeconds,
      instId: quote.instrument,
      posSide: position.posSide,
      mgnMode: position.mgnMode,
      lever: position.lever,
      quoteExpiresAt: quote.expiresAt.toISOString(),
      createdAt: row.created_at.toISOString(),
    });
    return row;
  }
}

function policyParams(quote: QuoteRecord): PolicyParams {
  return {
    payout_fixed_usdc: quote.payoutFixedUsdc.toString(),
    payout_cap_usdc: quote.payoutCapUsdc.toString(),
    coverage_seconds: quote.coverageSeconds,
    waiting_period_seconds: quote.waitingPeriodSeconds,
    leverage: formatLeverage(BigInt(quote.leverageHundredths)),
    principal_usdc: quote.pricing.principalUsdc,
    instrument: quote.instrument,
    position: quote.position,
    premium_usdc: quote.premiumAmountUsdc.toString(),
    probability: quote.pricing.probability,
    pricing: quote.pricing,
  };
}
