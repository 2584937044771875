import { Inject, Injectable } from '@nestjs/common';
import { formatLeverage, quoteTypedData, type Quote, type QuoteTypedData } from '@liqpass/chain';
import { checkCapacity, formatUsdc, priceQuote, type PricingInputs, type PricingRefusal } from '@liqpass/pricing';
import { RpcError } from '@liqpass/service-kit';
import { getAddress } from 'ethers';
import { uuidv7 } from 'uuidv7';
import { POLICY_SETTINGS, type PolicySettings } from '../../../config/policy-settings';
import { OkxBindingClient } from '../../../shared/infrastructure/okx-binding.client';
import { PolicyMetrics } from '../../../shared/infrastructure/policy.metrics';
import { orderIdFor } from '../../domain/order-id';
import { QuoteTermsError, termsFromPosition, termsWithoutPosition, type QuoteTerms } from '../../domain/quote-terms';
import { ExposureSnapshot } from '../../infrastructure/exposure-snapshot';
import { MarketVolatility } from '../../infrastructure/market-volatility';
import type { StoredPricing } from '../../infrastructure/quote.repository';
import { QuoteSigner } from '../../infrastructure/quote-signer';
import { QuoteWriter } from '../../infrastructure/quote-writer';
import { TreasuryCapital } from '../../infrastructure/treasury-capital';
import type { CreateQuoteCommand } from './create-quote.command';

/** The POST /quote answer (LOCAL-STACK.md), plus what the trader may want to show. */
export interface QuoteResponse {
  readonly quoteId: string;
  readonly quoteHash: string;
  readonly premiumUsdc: string;
  readonly payoutFixedUsdc: string;
  readonly payoutCapUsdc: string;
  readonly coverageSeconds: number;
  readonly expiresAt: string;
  readonly signature: string;
  readonly typedData: QuoteTypedData;
  readonly orderId: string;
  readonly instId: string;
  readonly leverage: string;
  readonly principalUsdc: string;
  readonly waitingPeriodSeconds: number;
  readonly position: QuoteTerms['position'];
  readonly probability: number;
  readonly modelVersion: string;
  /** Priced without a position: shown, never bought (its signed deadline is 0, so the checkout refuses it). */
  readonly indicative: boolean;
}

const STATUS: Record<PricingRefusal['code'], number> = { VALIDATION_FAILED: 422, CAPACITY_EXCEEDED: 409, OKX_UNAVAILABLE: 503, TOO_CLOSE_TO_LIQUIDATION: 409 };

/**
 * Prices a policy (libs/pricing), checks capacity, signs the EIP-712 quote the checkout
 * verifies, and stores it with every pricing input. Nothing is reserved: capacity is checked
 * again, authoritatively, when the purchase order is created.
 */
@Injectable()
export class CreateQuoteHandler {
  constructor(
    @Inject(POLICY_SETTINGS) private readonly settings: PolicySettings,
    private readonly okxBinding: OkxBindingClient,
    private readonly volatility: MarketVolatility,
    private readonly capital: TreasuryCapital,
    private readonly exposures: ExposureSnapshot,
    private readonly quotes: QuoteWriter,
    private readonly signer: QuoteSigner,
    private readonly metrics: PolicyMetrics,
  ) {}

  async execute(command: CreateQuoteCommand): Promise<QuoteResponse> {
    try {
      const response = await this.quote(command);
      this.metrics.quotes.inc({ outcome: 'signed' });
      return response;
    } catch (error) {
      this.metrics.quotes.inc({ outcome: error instanceof RpcError ? error.code : 'error' });
      throw error;
    }
  }

  private async quote({ wallet, chainId, ask }: CreateQuoteCommand): Promise<QuoteResponse> {
    const { chain } = this.settings;
    if (chainId !== chain.chainId) throw new RpcError('VALIDATION_FAILED', `premiums are paid on chain ${chain.chainId}, not ${chainId}`, 400);
    const [terms, sample] = await Promise.all([this.terms(wallet, ask), this.volatility.estimate(ask.instId)]);
    const priced = priceQuote(
      { instId: ask.instId, side: terms.side, leverageHundredths: terms.leverageHundredths, principalUsdc: terms.principalUsdc, coverageSeconds: ask.coverageSeconds, position: terms.prices, volatility: sample?.estimate ?? null },
      this.settings.pricing,
    );
    if (!priced.ok) this.refuse(priced.refusal);
    const { premiumUsdc, payoutUsdc, payoutCapUsdc, probability, inputs } = priced.value;
    await this.checkCapacity(ask.instId, payoutCapUsdc);

    const id = uuidv7();
    const purchaseOrderId = uuidv7();
    const orderId = orderIdFor(purchaseOrderId);
    const expiresAt = new Date((Math.floor(Date.now() / 1000) + this.settings.quoteTtlSeconds) * 1000);
    const quote: Quote = {
      orderId,
      buyer: getAddress(wallet),
      premium: premiumUsdc,
      payout: payoutUsdc,
      payoutCap: payoutCapUsdc,
      coverageSeconds: BigInt(ask.coverageSeconds),
      instrument: ask.instId,
      leverage: BigInt(terms.leverageHundredths),
      // An indicative quote could be paid with no purchase order able to exist: deadline 0
      // makes the checkout refuse it, so no premium can arrive for it.
      deadline: terms.position ? BigInt(expiresAt.getTime() / 1000) : 0n,
    };
    const { quoteHash, signature } = this.signer.sign(quote);
    await this.quotes.store({
      id,
      purchaseOrderId,
      orderId,
      userWallet: wallet,
      chainId: chain.chainId,
      checkoutAddress: chain.contracts.checkout,
      instrument: ask.instId,
      position: terms.position,
      premiumAmountUsdc: premiumUsdc,
      payoutFixedUsdc: payoutUsdc,
      payoutCapUsdc,
      coverageSeconds: ask.coverageSeconds,
      waitingPeriodSeconds: this.settings.waitingPeriodSeconds,
      leverageHundredths: terms.leverageHundredths,
      expiresAt,
      quoteHash: quoteHash.toLowerCase(),
      signature,
      pricing: storedPricing(inputs, sample!.sampleId, probability),
    });
    return {
      quoteId: id,
      quoteHash,
      premiumUsdc: formatUsdc(premiumUsdc),
      payoutFixedUsdc: formatUsdc(payoutUsdc),
      payoutCapUsdc: formatUsdc(payoutCapUsdc),
      coverageSeconds: ask.coverageSeconds,
      expiresAt: expiresAt.toISOString(),
      signature,
      typedData: quoteTypedData(this.signer.domain, quote),
      orderId,
      instId: ask.instId,
      leverage: formatLeverage(BigInt(terms.leverageHundredths)),
      principalUsdc: formatUsdc(terms.principalUsdc),
      waitingPeriodSeconds: this.settings.waitingPeriodSeconds,
      position: terms.position,
      probability,
      modelVersion: inputs.modelVersion,
      indicative: terms.position === null,
    };
  }

  private async terms(wallet: string, ask: CreateQuoteCommand['ask']): Promise<QuoteTerms> {
    try {
      if (ask.posId === undefined) return termsWithoutPosition(ask);
      const positions = await this.okxBinding.openPositions(wallet, ask.instId);
      const position = positions.find((p) => p.posId === ask.posId && p.instId === ask.instId);
      if (!position) throw new RpcError('OKX_POSITION_NOT_OPEN', `no open ${ask.instId} position ${ask.posId} on the caller's linked OKX accounts`, 409);
      return termsFromPosition(ask, position);
    } catch (error) {
      if (error instanceof QuoteTermsError) throw new RpcError('VALIDATION_FAILED', error.message, 422);
      if (error instanceof RangeError) throw new RpcError('VALIDATION_FAILED', error.message, 422);
      throw error;
    }
  }

  private async checkCapacity(instId: string, payoutCapUsdc: bigint): Promise<void> {
    const [exposure, capitalUsdc] = await Promise.all([this.exposures.exposure(instId), this.capital.capitalUsdc()]);
    const check = checkCapacity({
      instId,
      payoutCapUsdc,
      instrumentExposureUsdc: exposure.instrument,
      totalExposureUsdc: exposure.total,
      capitalUsdc,
      instrumentLimitBps: this.settings.capacity.instrumentBps,
      totalLimitBps: this.settings.capacity.totalBps,
    });
    if (!check.ok) this.refuse(check.refusal);
  }

  private refuse(refusal: PricingRefusal): never {
    this.metrics.quoteRefusals.inc({ code: refusal.code, rule: refusal.rule });
    throw new RpcError(refusal.code, refusal.message, STATUS[refusal.code]);
  }
}

/** The inputs as stored with the quote: the candle closes stay in their sample, referenced by id. */
function storedPricing(inputs: PricingInputs, sampleId: string, probability: number): StoredPricing {
  const { closes: _closes, ...volatility } = inputs.volatility;
  return { ...inputs, volatility: { ...volatility, sampleId }, probability };
}
