import type { PositionHistoryState } from '../../ledger/domain/position';
import type { OkxRecord } from '../../ledger/domain/okx-records';
import { decimalsOf, type Instrument } from '../../market/domain/instrument';
import { fmt } from '../../shared/domain/decimal';

/** A positions-history record; realizedPnl = pnl + fee + fundingFee + liqPenalty, as on OKX. */
export function positionHistoryView(h: PositionHistoryState, instrument: Instrument): OkxRecord {
  const px = (value: number) => fmt(value, decimalsOf(instrument.tickSz) + 4);
  const realizedPnl = h.pnl + h.fee + h.fundingFee + h.liqPenalty;
  const margin = (h.openMaxPos * instrument.ctVal * h.openAvgPx) / h.lever;
  return {
    cTime: String(h.cTime), ccy: 'USDT', closeAvgPx: px(h.closeAvgPx), closeTotalPos: fmt(h.closeTotalPos), direction: h.direction,
    fee: fmt(h.fee), fundingFee: fmt(h.fundingFee), instId: h.instId, instType: instrument.instType, lever: fmt(h.lever),
    liqPenalty: fmt(h.liqPenalty), mgnMode: h.mgnMode, nonSettleAvgPx: '', openAvgPx: px(h.openAvgPx), openMaxPos: fmt(h.openMaxPos),
    pnl: fmt(h.pnl), pnlRatio: fmt(margin > 0 ? realizedPnl / margin : 0, 6), posId: h.posId, posSide: h.posSide,
    realizedPnl: fmt(realizedPnl), settledPnl: '', triggerPx: h.triggerPx === null ? '' : px(h.triggerPx), type: String(h.type),
    uTime: String(h.uTime), uly: instrument.uly,
  };
}
