import type { Instrument } from '../../market/domain/instrument';
import { decimalsOf } from '../../market/domain/instrument';
import { fmt } from '../../shared/domain/decimal';
import { billView, fillView, orderView, type OkxRecord } from './okx-records';
import type { MgnMode, PosSide, Side } from './position';
import { billTypeOf, categoryOf, subTypeOf, type TradeKind } from './sub-types';

/** OKX's taker fee rate the simulator charges on every trade. */
export const TAKER_FEE_RATE = 0.0005;

export interface TradeIds {
  readonly ordId: string;
  readonly billId: string;
  readonly tradeId: string;
}

/** One filled order and everything it leaves behind. */
export interface Execution {
  readonly kind: TradeKind;
  readonly instrument: Instrument;
  readonly posSide: PosSide;
  readonly mgnMode: MgnMode;
  readonly side: Side;
  readonly ordType: 'market' | 'limit';
  readonly reduceOnly: boolean;
  readonly lever: number;
  readonly sz: number;
  readonly px: number;
  readonly markPx: number;
  readonly ts: number;
  readonly pnl: number;
  readonly fee: number;
  readonly balChg: number;
  readonly balAfter: number;
  readonly posBal: number;
  readonly posBalChg: number;
  readonly ids: TradeIds;
}

export interface ExecutionRecords {
  readonly order: OkxRecord;
  readonly fill: OkxRecord;
  readonly bill: OkxRecord;
}

/** Rounds a price to the instrument's tick, as OKX fills are. */
export function toTick(instrument: Instrument, px: number): number {
  return Number(px.toFixed(decimalsOf(instrument.tickSz)));
}

/**
 * OKX's system orders (liquidation, ADL) were seen carrying the leverage with a decimal
 * ("100.0") while user orders carry "100": clients must compare leverage as a number.
 */
function renderLever(kind: TradeKind, lever: number): string {
  const system = kind !== 'open' && kind !== 'manual';
  return system && Number.isInteger(lever) ? lever.toFixed(1) : fmt(lever);
}

export function recordExecution(e: Execution): ExecutionRecords {
  const { instrument, ids } = e;
  const px = fmt(e.px, decimalsOf(instrument.tickSz));
  const sz = fmt(e.sz);
  const pnl = fmt(e.pnl);
  const fee = fmt(e.fee);
  const markPx = fmt(e.markPx, decimalsOf(instrument.tickSz));
  const subType = subTypeOf(e.kind, e.posSide, e.side);
  const base = { instType: instrument.instType, instId: instrument.instId };
  const order = orderView({
    ...base, ordId: ids.ordId, clOrdId: '', category: categoryOf(e.kind), state: 'filled', ordType: e.ordType,
    side: e.side, posSide: e.posSide, tdMode: e.mgnMode, sz, px: e.ordType === 'limit' ? px : '', lever: renderLever(e.kind, e.lever),
    reduceOnly: String(e.reduceOnly), cTime: e.ts, uTime: e.ts, fill: { px, sz, tradeId: ids.tradeId, pnl, fee, time: e.ts },
  });
  const fill = fillView({
    ...base, tradeId: ids.tradeId, ordId: ids.ordId, billId: ids.billId, subType, px, sz, pnl, markPx, side: e.side,
    posSide: e.posSide, fee, time: e.ts,
  });
  const bill = billView({
    ...base, billId: ids.billId, ordId: ids.ordId, tradeId: ids.tradeId, mgnMode: e.mgnMode, type: billTypeOf(e.kind), subType,
    sz, px, markPx, pnl, fee, balChg: fmt(e.balChg), bal: fmt(e.balAfter), posBal: fmt(e.posBal), posBalChg: fmt(e.posBalChg), time: e.ts,
  });
  return { order, fill, bill };
}
