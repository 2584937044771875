/**
 * What the underwriter configures (the policy service fills it from its settings). Money in
 * USDC base units, ratios in basis points, leverage in hundredths (OKX "2.5" = 250).
 */
export interface PricingConfig {
  /** OKX instIds that may be insured. */
  readonly instruments: readonly string[];
  readonly minLeverageHundredths: number;
  readonly maxLeverageHundredths: number;
  readonly minPrincipalUsdc: bigint;
  readonly maxPrincipalUsdc: bigint;
  readonly minPayoutUsdc: bigint;
  readonly maxPayoutUsdc: bigint;
  readonly minCoverageSeconds: number;
  readonly maxCoverageSeconds: number;
  /** Payout = principal × this / 10 000: the rest is the trader's own share (moral hazard). */
  readonly payoutRatioBps: number;
  /** Premium = payout × probability × (1 + load) + fee, at least the floor. */
  readonly riskLoadBps: number;
  readonly fixedFeeUsdc: bigint;
  readonly minPremiumUsdc: bigint;
  /** A position more likely than this to be liquidated within the coverage is not insured. */
  readonly maxProbability: number;
  /** Used only to estimate the liquidation price when OKX shows none. */
  readonly maintenanceMarginRatio: number;
  readonly volatility: { readonly bar: string; readonly candles: number; readonly floor: number; readonly cap: number };
}

/** Local-stack defaults; every value is a setting of the policy service. */
export const DEFAULT_PRICING_CONFIG: PricingConfig = {
  instruments: ['BTC-USDT-SWAP', 'ETH-USDT-SWAP', 'SOL-USDT-SWAP', 'BTC-USDT-261225', 'BTC-USDT', 'ETH-USDT'],
  minLeverageHundredths: 100,
  maxLeverageHundredths: 10_000,
  minPrincipalUsdc: 10_000_000n,
  maxPrincipalUsdc: 100_000_000_000n,
  minPayoutUsdc: 5_000_000n,
  maxPayoutUsdc: 50_000_000_000n,
  minCoverageSeconds: 3600,
  maxCoverageSeconds: 30 * 86_400,
  payoutRatioBps: 8000,
  riskLoadBps: 2500,
  fixedFeeUsdc: 500_000n,
  minPremiumUsdc: 1_000_000n,
  maxProbability: 0.5,
  maintenanceMarginRatio: 0.005,
  volatility: { bar: '1H', candles: 168, floor: 0.2, cap: 3 },
};
