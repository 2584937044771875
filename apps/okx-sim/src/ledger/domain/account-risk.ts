import type { Instrument } from '../../market/domain/instrument';
import { liquidationPrice } from './liquidation-price';
import { sign, type PositionState } from './position';

/** What the risk figures of one position depend on beyond the position itself. */
export interface RiskContext {
  readonly cashBal: number;
  /** Every open position of the account, this one included. */
  readonly positions: readonly PositionState[];
  readonly instrumentOf: (instId: string) => Instrument;
  readonly markOf: (instId: string) => number;
}

export interface PositionRisk {
  readonly markPx: number;
  readonly upl: number;
  /** Isolated margin (initial margin of the position); 0 for cross. */
  readonly margin: number;
  readonly imr: number;
  readonly maintMargin: number;
  readonly liqPx: number | null;
  /** Equity backing the position over its maintenance margin. */
  readonly mgnRatio: number;
}

const qtyOf = (p: PositionState, ctx: RiskContext) => p.size * ctx.instrumentOf(p.instId).ctVal;
const uplOf = (p: PositionState, ctx: RiskContext) => sign(p.direction) * (ctx.markOf(p.instId) - p.avgPx) * qtyOf(p, ctx);
const isolatedMargin = (p: PositionState, ctx: RiskContext) => (qtyOf(p, ctx) * p.avgPx) / p.lever;
const maintenance = (p: PositionState, ctx: RiskContext) => qtyOf(p, ctx) * ctx.markOf(p.instId) * ctx.instrumentOf(p.instId).mmr;

/**
 * Cross collateral of one position: the cash not locked in isolated margin, plus the other
 * cross positions' unrealised pnl minus their maintenance margin (taken at today's marks).
 */
export function crossCollateral(position: PositionState, ctx: RiskContext): number {
  const locked = ctx.positions.filter((p) => p.mgnMode === 'isolated').reduce((sum, p) => sum + isolatedMargin(p, ctx), 0);
  const others = ctx.positions
    .filter((p) => p.mgnMode === 'cross' && p.posId !== position.posId)
    .reduce((sum, p) => sum + uplOf(p, ctx) - maintenance(p, ctx), 0);
  return ctx.cashBal - locked + others;
}

export function positionRisk(position: PositionState, ctx: RiskContext): PositionRisk {
  const instrument = ctx.instrumentOf(position.instId);
  const markPx = ctx.markOf(position.instId);
  const qty = qtyOf(position, ctx);
  const upl = uplOf(position, ctx);
  const maintMargin = maintenance(position, ctx);
  const isolated = position.mgnMode === 'isolated';
  const collateral = isolated ? isolatedMargin(position, ctx) : crossCollateral(position, ctx);
  const liqPx = liquidationPrice({
    direction: position.direction, mgnMode: position.mgnMode, avgPx: position.avgPx, lever: position.lever,
    mmr: instrument.mmr, qty, crossCollateral: isolated ? undefined : collateral,
  });
  return {
    markPx, upl, maintMargin, liqPx,
    margin: isolated ? collateral : 0,
    imr: isolated ? 0 : (qty * markPx) / position.lever,
    mgnRatio: maintMargin > 0 ? (collateral + upl) / maintMargin : 0,
  };
}
