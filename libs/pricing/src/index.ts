/**
 * @liqpass/pricing — the premium model of PRODUCT.md §6 as pure functions: barrier-touch
 * probability, volatility from OKX candles, the payout rule, limits, capacity, and the USDC
 * money helpers. No clock, no I/O, no framework: the policy service feeds it and stores its
 * inputs; the calibration bench drives it with simulated paths.
 */
export * from './money/usdc';
export * from './model/normal';
export * from './model/barrier';
export * from './model/volatility';
export * from './quote/pricing-config';
export * from './quote/pricing-refusal';
export * from './quote/price-quote';
export * from './quote/capacity';
export * from './testing/random';
export * from './calibration/calibrate';
