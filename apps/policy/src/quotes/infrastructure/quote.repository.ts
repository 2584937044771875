import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PricingInputs, VolatilityEstimate } from '@liqpass/pricing';
import type { QuotedPosition } from '../domain/quoted-position';

/**
 * `pricing_json`: every pricing input and the model version; the volatility estimate without
 * its candle closes, which live once in `volatility_samples` under `sampleId`.
 */
export type StoredPricing = Omit<PricingInputs, 'volatility'> & {
  readonly volatility: Omit<VolatilityEstimate, 'closes'> & { readonly sampleId: string };
  readonly probability: number;
};

/** A stored quote: what was priced, signed and returned. */
export interface QuoteRecord {
  readonly id: string;
  readonly purchaseOrderId: string;
  readonly orderId: string;
  readonly userWallet: string;
  readonly chainId: number;
  readonly checkoutAddress: string;
  readonly instrument: string;
  readonly position: QuotedPosition | null;
  readonly premiumAmountUsdc: bigint;
  readonly payoutFixedUsdc: bigint;
  readonly payoutCapUsdc: bigint;
  readonly coverageSeconds: number;
  readonly waitingPeriodSeconds: number;
  readonly leverageHundredths: number;
  readonly expiresAt: Date;
  readonly quoteHash: string;
  readonly signature: string;
  readonly pricing: StoredPricing;
}

interface QuoteRow {
  id: string;
  purchase_order_id: string;
  order_id: string;
  user_wallet: string;
  chain_id: number;
  checkout_address: string;
  instrument: string;
  position_json: QuotedPosition | null;
  premium_amount_usdc: string;
  payout_fixed_usdc: string;
  payout_cap_usdc: string;
  coverage_seconds: number;
  waiting_period_seconds: number;
  leverage_hundredths: number;
  expires_at: Date;
  quote_hash: string;
  signature: string;
  pricing_json: QuoteRecord['pricing'];
}

const toRecord = (row: QuoteRow): QuoteRecord => ({
  id: row.id,
  purchaseOrderId: row.purchase_order_id,
  orderId: row.order_id,
  userWallet: row.user_wallet,
  chainId: row.chain_id,
  checkoutAddress: row.checkout_address,
  instrument: row.instrument,
  position: row.position_json,
  premiumAmountUsdc: BigInt(row.premium_amount_usdc),
  payoutFixedUsdc: BigInt(row.payout_fixed_usdc),
  payoutCapUsdc: BigInt(row.payout_cap_usdc),
  coverageSeconds: row.coverage_seconds,
  waitingPeriodSeconds: row.waiting_period_seconds,
  leverageHundredths: row.leverage_hundredths,
  expiresAt: row.expires_at,
  quoteHash: row.quote_hash,
  signature: row.signature,
  pricing: row.pricing_json,
});

@Injectable()
export class QuoteRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts quotes in one statement (QuoteWriter groups them). */
  async insertMany(quotes: readonly QuoteRecord[]): Promise<void> {
    const columns = 18;
    const values: unknown[] = [];
    const rows = quotes.map((quote, n) => {
      values.push(
        quote.id, quote.purchaseOrderId, quote.orderId, quote.userWallet, quote.chainId, quote.checkoutAddress, quote.instrument,
        quote.position ? JSON.stringify(quote.position) : null, quote.premiumAmountUsdc.toString(), quote.payoutFixedUsdc.toString(),
        quote.payoutCapUsdc.toString(), quote.coverageSeconds, quote.waitingPeriodSeconds, quote.leverageHundredths, quote.expiresAt,
        quote.quoteHash, quote.signature, JSON.stringify(quote.pricing),
      );
      return `(${Array.from({ length: columns }, (_, i) => `$${n * columns + i + 1}`).join(', ')})`;
    });
    await this.dataSource.query(
      `INSERT INTO quotes (id, purchase_order_id, order_id, user_wallet, chain_id, checkout_address, instrument, position_json, premium_amount_usdc,
         payout_fixed_usdc, payout_cap_usdc, coverage_seconds, waiting_period_seconds, leverage_hundredths, expires_at, quote_hash, signature, pricing_json)
       VALUES ${rows.join(', ')}`,
      values,
    );
  }

  /** The quote that carries an on-chain order id, locked. */
  async lockByOrderId(manager: EntityManager, orderId: string): Promise<QuoteRecord | null> {
    const rows: QuoteRow[] = await manager.query(`SELECT * FROM quotes WHERE order_id = $1 FOR UPDATE`, [orderId.toLowerCase()]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The quote, locked for the purchase order's transaction. */
  async lock(manager: EntityManager, id: string): Promise<QuoteRecord | null> {
    const rows: QuoteRow[] = await manager.query(`SELECT * FROM quotes WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }
}
