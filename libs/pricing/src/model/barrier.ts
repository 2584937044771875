import { normalCdf } from './normal';

export const SECONDS_PER_YEAR = 365 * 24 * 3600;

/**
 * Distance to liquidation in log-price: |ln(mark / liq)|. Zero or negative inputs, or a mark
 * already at or past the liquidation price, give 0 (certain liquidation).
 */
export function liquidationDistance(markPx: number, liqPx: number, side: 'long' | 'short'): number {
  if (!(markPx > 0) || !(liqPx > 0)) return 0;
  const d = side === 'long' ? Math.log(markPx / liqPx) : Math.log(liqPx / markPx);
  return d > 0 ? d : 0;
}

/**
 * Distance to liquidation when OKX shows no liquidation price (or no position was quoted):
 * an isolated position at leverage L loses its margin when the price moves by 1/L, less the
 * maintenance margin ratio mmr that OKX keeps back. Long: liq = entry·(1 − 1/L + mmr);
 * short: liq = entry·(1 + 1/L − mmr). Returned in log-price, like `liquidationDistance`.
 */
export function estimatedLiquidationDistance(leverage: number, maintenanceMarginRatio: number, side: 'long' | 'short'): number {
  if (!(leverage > 0)) return 0;
  const move = 1 / leverage - maintenanceMarginRatio;
  if (!(move > 0)) return 0;
  if (side === 'long') return move >= 1 ? Number.POSITIVE_INFINITY : -Math.log(1 - move);
  return Math.log(1 + move);
}

/**
 * The probability that a driftless Brownian log-price with annualised volatility σ touches a
 * barrier `distance` away (in log-price) within `seconds`: the reflection principle gives
 * P = 2·Φ(−d / (σ·√T)). Continuous monitoring: OKX marks positions every few hundred ms.
 */
export function touchProbability(distance: number, annualVolatility: number, seconds: number): number {
  if (!(distance > 0)) return 1;
  if (!(annualVolatility > 0) || !(seconds > 0) || distance === Number.POSITIVE_INFINITY) return 0;
  const spread = annualVolatility * Math.sqrt(seconds / SECONDS_PER_YEAR);
  return Math.min(1, Math.max(0, 2 * normalCdf(-distance / spread)));
}
