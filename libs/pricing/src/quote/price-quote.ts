import { estimatedLiquidationDistance, liquidationDistance, touchProbability } from '../model/barrier';
import type { VolatilityEstimate } from '../model/volatility';
import { ceilDiv, formatUsdc, maxBig, parseUsdc } from '../money/usdc';
import type { PricingConfig } from './pricing-config';
import { refuse, type PricingResult } from './pricing-refusal';

/** Bumped whenever a formula or rounding changes: old quotes re-derive with their own version. */
export const PRICING_MODEL_VERSION = 'liq-barrier-v1';

const PPB = 1_000_000_000n;

export interface PricingRequest {
  readonly instId: string;
  /** Direction of the exposure (an OKX `net` position is long when `pos` > 0). */
  readonly side: 'long' | 'short';
  readonly leverageHundredths: number;
  readonly principalUsdc: bigint;
  readonly coverageSeconds: number;
  /** The position's prices as OKX shows them; absent for a quote without a position. */
  readonly position?: { readonly markPx: string; readonly liqPx: string | null };
  /** From `volatilityFromCandles`; null when the candles could not be had. */
  readonly volatility: VolatilityEstimate | null;
}

/**
 * Everything a premium depends on, stored in `policy_params_json.pricing`: `repriceFromInputs`
 * turns it back into the same premium, payout and cap, exactly.
 */
export interface PricingInputs {
  readonly modelVersion: string;
  readonly instId: string;
  readonly side: 'long' | 'short';
  readonly leverageHundredths: number;
  readonly principalUsdc: string;
  readonly coverageSeconds: number;
  readonly markPx: string | null;
  readonly liqPx: string | null;
  readonly distanceSource: 'position' | 'estimated';
  readonly maintenanceMarginRatio: number;
  /** |ln(mark / liq)|, the barrier in log-price. */
  readonly distance: number;
  readonly volatility: VolatilityEstimate;
  readonly payoutRatioBps: number;
  readonly riskLoadBps: number;
  /** Base units, as decimal strings (JSON has no bigint). */
  readonly fixedFeeUsdc: string;
  readonly minPremiumUsdc: string;
}

export interface PricedQuote {
  readonly premiumUsdc: bigint;
  readonly payoutUsdc: bigint;
  readonly payoutCapUsdc: bigint;
  /** Touch probability as priced (rounded up to parts per billion). */
  readonly probability: number;
  readonly probabilityPpb: bigint;
  readonly inputs: PricingInputs;
}

/** Prices one policy, or says which configured limit refuses it. Pure: no clock, no I/O. */
export function priceQuote(request: PricingRequest, config: PricingConfig): PricingResult<PricedQuote> {
  if (!config.instruments.includes(request.instId)) {
    return refuse('VALIDATION_FAILED', 'INSTRUMENT_NOT_INSURED', `${request.instId} is not an insured instrument (insured: ${config.instruments.join(', ')})`);
  }
  const lev = request.leverageHundredths;
  if (!Number.isInteger(lev) || lev < config.minLeverageHundredths || lev > config.maxLeverageHundredths) {
    return refuse('VALIDATION_FAILED', 'LEVERAGE_OUT_OF_RANGE', `leverage ${lev / 100}x is outside ${config.minLeverageHundredths / 100}x–${config.maxLeverageHundredths / 100}x`);
  }
  if (request.principalUsdc < config.minPrincipalUsdc || request.principalUsdc > config.maxPrincipalUsdc) {
    return refuse('VALIDATION_FAILED', 'PRINCIPAL_OUT_OF_RANGE', `principal ${formatUsdc(request.principalUsdc)} USDC is outside ${formatUsdc(config.minPrincipalUsdc)}–${formatUsdc(config.maxPrincipalUsdc)} USDC`);
  }
  const cover = request.coverageSeconds;
  if (!Number.isInteger(cover) || cover < config.minCoverageSeconds || cover > config.maxCoverageSeconds) {
    return refuse('VALIDATION_FAILED', 'COVERAGE_OUT_OF_RANGE', `coverage of ${cover} s is outside ${config.minCoverageSeconds}–${config.maxCoverageSeconds} s`);
  }
  const { payoutUsdc } = payoutTerms(request.principalUsdc, config.payoutRatioBps);
  if (payoutUsdc < config.minPayoutUsdc || payoutUsdc > config.maxPayoutUsdc) {
    return refuse('VALIDATION_FAILED', 'PAYOUT_OUT_OF_RANGE', `payout ${formatUsdc(payoutUsdc)} USDC is outside ${formatUsdc(config.minPayoutUsdc)}–${formatUsdc(config.maxPayoutUsdc)} USDC`);
  }
  if (!request.volatility) {
    return refuse('OKX_UNAVAILABLE', 'VOLATILITY_UNAVAILABLE', `not enough recent ${config.volatility.bar} candles of ${request.instId} to estimate its volatility`);
  }
  const inputs: PricingInputs = {
    modelVersion: PRICING_MODEL_VERSION,
    instId: request.instId,
    side: request.side,
    leverageHundredths: lev,
    principalUsdc: request.principalUsdc.toString(),
    coverageSeconds: cover,
    markPx: request.position?.markPx ?? null,
    liqPx: request.position?.liqPx ?? null,
    ...barrier(request, config),
    maintenanceMarginRatio: config.maintenanceMarginRatio,
    volatility: request.volatility,
    payoutRatioBps: config.payoutRatioBps,
    riskLoadBps: config.riskLoadBps,
    fixedFeeUsdc: config.fixedFeeUsdc.toString(),
    minPremiumUsdc: config.minPremiumUsdc.toString(),
  };
  const priced = repriceFromInputs(inputs);
  if (priced.probability > config.maxProbability) {
    return refuse(
      'TOO_CLOSE_TO_LIQUIDATION',
      'TOO_CLOSE_TO_LIQUIDATION',
      `the position is ${(priced.probability * 100).toFixed(1)} % likely to be liquidated within the coverage (limit ${(config.maxProbability * 100).toFixed(1)} %)`,
    );
  }
  return { ok: true, value: priced };
}

/**
 * What re-pricing reads: the inputs, of whose volatility estimate only the annualised figure
 * (a store may keep the candle closes elsewhere, by reference).
 */
export type RepriceInputs = Omit<PricingInputs, 'volatility'> & { readonly volatility: Pick<VolatilityEstimate, 'annualized'> };

/** The premium, payout and cap a recorded set of inputs gives — the same as when quoted. */
export function repriceFromInputs<I extends RepriceInputs>(inputs: I): Omit<PricedQuote, 'inputs'> & { readonly inputs: I } {
  const { payoutUsdc, payoutCapUsdc } = payoutTerms(BigInt(inputs.principalUsdc), inputs.payoutRatioBps);
  const probability = touchProbability(inputs.distance, inputs.volatility.annualized, inputs.coverageSeconds);
  const probabilityPpb = probabilityToPpb(probability);
  const premiumUsdc = premiumFor(payoutUsdc, probabilityPpb, inputs.riskLoadBps, BigInt(inputs.fixedFeeUsdc), BigInt(inputs.minPremiumUsdc));
  return { premiumUsdc, payoutUsdc, payoutCapUsdc, probability: Number(probabilityPpb) / 1e9, probabilityPpb, inputs };
}

/**
 * The payout rule: the cap is the principal (the margin the trader can lose), the fixed payout
 * is `payoutRatioBps` of it, rounded down to base units — so payout ≤ cap always.
 */
export function payoutTerms(principalUsdc: bigint, payoutRatioBps: number): { payoutUsdc: bigint; payoutCapUsdc: bigint } {
  return { payoutUsdc: (principalUsdc * BigInt(payoutRatioBps)) / 10_000n, payoutCapUsdc: principalUsdc };
}

/** Probability → parts per billion, rounded up (never under-priced by rounding). */
export function probabilityToPpb(probability: number): bigint {
  if (!(probability > 0)) return 0n;
  if (probability >= 1) return PPB;
  return BigInt(Math.min(1e9, Math.ceil(probability * 1e9)));
}

/** payout × p × (1 + load) + fee, at least `minPremium`; every step rounds up to a base unit. */
export function premiumFor(payoutUsdc: bigint, probabilityPpb: bigint, riskLoadBps: number, fixedFeeUsdc: bigint, minPremiumUsdc: bigint): bigint {
  const expectedLoss = ceilDiv(payoutUsdc * probabilityPpb, PPB);
  const loaded = ceilDiv(expectedLoss * BigInt(10_000 + riskLoadBps), 10_000n);
  return maxBig(loaded + fixedFeeUsdc, minPremiumUsdc);
}

function barrier(request: PricingRequest, config: PricingConfig): Pick<PricingInputs, 'distance' | 'distanceSource'> {
  const mark = Number(request.position?.markPx);
  const liq = Number(request.position?.liqPx);
  if (request.position && mark > 0 && liq > 0) return { distance: liquidationDistance(mark, liq, request.side), distanceSource: 'position' };
  return { distance: estimatedLiquidationDistance(request.leverageHundredths / 100, config.maintenanceMarginRatio, request.side), distanceSource: 'estimated' };
}

/** For callers holding decimal strings: "12.5" → base units (throws on more than 6 decimals). */
export const usdcFromDecimal = parseUsdc;
