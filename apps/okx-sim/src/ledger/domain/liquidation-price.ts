import type { Direction, MgnMode } from './position';

export interface LiquidationInput {
  readonly direction: Direction;
  readonly mgnMode: MgnMode;
  readonly avgPx: number;
  readonly lever: number;
  /** Maintenance margin ratio of the instrument. */
  readonly mmr: number;
  /** Position quantity in the base currency: contracts × ctVal. */
  readonly qty: number;
  /**
   * Cross only: the USDT that backs this position — the account's cash not locked in isolated
   * margin, plus the other cross positions' unrealised pnl minus their maintenance margin.
   */
  readonly crossCollateral?: number;
}

/**
 * The mark price at which equity falls to the maintenance margin (fees ignored).
 *
 * Isolated (margin = qty·avgPx/lever):
 *   long  P = avgPx·(1 − 1/lever) / (1 − mmr)
 *   short P = avgPx·(1 + 1/lever) / (1 + mmr)
 * Cross (collateral C backs the position):
 *   long  P = (avgPx − C/qty) / (1 − mmr)
 *   short P = (avgPx + C/qty) / (1 + mmr)
 * Returns null when the position cannot be liquidated (a long whose price would be ≤ 0).
 */
export function liquidationPrice(input: LiquidationInput): number | null {
  const { avgPx, lever, mmr, qty } = input;
  let price: number;
  if (input.mgnMode === 'isolated') {
    price = input.direction === 'long' ? (avgPx * (1 - 1 / lever)) / (1 - mmr) : (avgPx * (1 + 1 / lever)) / (1 + mmr);
  } else {
    const perUnit = (input.crossCollateral ?? 0) / qty;
    price = input.direction === 'long' ? (avgPx - perUnit) / (1 - mmr) : (avgPx + perUnit) / (1 + mmr);
  }
  return price > 0 && Number.isFinite(price) ? price : null;
}

/** True when the mark price has reached the liquidation price from the position's side. */
export function isBeyondLiquidation(direction: Direction, markPx: number, liqPx: number | null): boolean {
  if (liqPx === null) return false;
  return direction === 'long' ? markPx <= liqPx : markPx >= liqPx;
}
