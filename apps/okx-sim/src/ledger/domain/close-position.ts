import type { Instrument } from '../../market/domain/instrument';
import { closingSide, sign, type PositionHistoryState, type PositionState } from './position';
import type { TradeKind } from './sub-types';
import { recordExecution, TAKER_FEE_RATE, toTick, type ExecutionRecords, type TradeIds } from './trade-execution';

export type CloseKind = Exclude<TradeKind, 'open'>;

export interface CloseInput {
  readonly position: PositionState;
  readonly instrument: Instrument;
  readonly kind: CloseKind;
  readonly sz: number;
  /** Fill price of the closing order. */
  readonly px: number;
  /** Mark price at the time: the trigger price of a liquidation or ADL. */
  readonly markPx: number;
  readonly ts: number;
  readonly cashBal: number;
  /** The positions-history record of this position's life (posId + cTime), if one exists. */
  readonly history?: PositionHistoryState;
  readonly ids: TradeIds;
}

export interface CloseOutcome extends ExecutionRecords {
  /** The position after the trade; null when it is fully closed. */
  readonly position: PositionState | null;
  readonly history: PositionHistoryState;
  readonly balChg: number;
}

const EPSILON = 1e-9;

function historyType(kind: CloseKind, fullyClosed: boolean): PositionHistoryState['type'] {
  if (kind === 'full_liquidation') return 3;
  if (kind === 'partial_liquidation') return 4;
  if (kind === 'adl') return fullyClosed ? 6 : 5;
  return fullyClosed ? 2 : 1;
}

/**
 * Closes part or all of a position: manual close, liquidation (a separate system order,
 * reduce-only, with a liquidation penalty) or ADL. Returns the order, fill and bill OKX would
 * show and the positions-history record, whose `type` is the latest close type while
 * `liqPenalty` keeps accumulating — so a later manual close does not hide a liquidation.
 */
export function closePosition(input: CloseInput): CloseOutcome {
  const { position, instrument, kind } = input;
  const px = toTick(instrument, input.px);
  const qty = input.sz * instrument.ctVal;
  const pnl = sign(position.direction) * (px - position.avgPx) * qty;
  const fee = -qty * px * TAKER_FEE_RATE;
  const liquidation = kind === 'full_liquidation' || kind === 'partial_liquidation';
  const liqPenalty = liquidation ? -qty * px * instrument.mmr : 0;
  const remaining = position.size - input.sz < EPSILON ? 0 : position.size - input.sz;
  const after: PositionState = {
    ...position,
    size: remaining,
    uTime: input.ts,
    pnl: position.pnl + pnl,
    fee: position.fee + fee,
    liqPenalty: position.liqPenalty + liqPenalty,
    closeTotalPos: position.closeTotalPos + input.sz,
    closeNotional: position.closeNotional + px * input.sz,
    lastTradeId: input.ids.tradeId,
  };
  const history: PositionHistoryState = {
    uid: position.uid, posId: position.posId, instId: position.instId, mgnMode: position.mgnMode, posSide: position.posSide,
    direction: position.direction, cTime: position.cTime, uTime: input.ts, type: historyType(kind, remaining === 0),
    openAvgPx: position.avgPx, closeAvgPx: after.closeNotional / after.closeTotalPos, openMaxPos: position.openMaxPos,
    closeTotalPos: after.closeTotalPos, pnl: after.pnl, fee: after.fee, fundingFee: after.fundingFee, liqPenalty: after.liqPenalty,
    triggerPx: kind === 'manual' ? (input.history?.triggerPx ?? null) : toTick(instrument, input.markPx), lever: position.lever,
  };
  const balChg = pnl + fee + liqPenalty;
  const isolated = position.mgnMode === 'isolated';
  const records = recordExecution({
    kind, instrument, posSide: position.posSide, mgnMode: position.mgnMode, side: closingSide(position.direction),
    ordType: liquidation ? 'limit' : 'market', reduceOnly: true, lever: position.lever, sz: input.sz, px,
    markPx: input.markPx, ts: input.ts, pnl, fee, balChg, balAfter: input.cashBal + balChg,
    posBal: isolated ? (remaining * instrument.ctVal * position.avgPx) / position.lever : 0,
    posBalChg: isolated ? -(qty * position.avgPx) / position.lever : 0,
    ids: input.ids,
  });
  return { ...records, position: remaining === 0 ? null : after, history, balChg };
}
