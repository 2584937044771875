import type { PositionRisk } from '../../ledger/domain/account-risk';
import type { PositionState } from '../../ledger/domain/position';
import { decimalsOf, type Instrument } from '../../market/domain/instrument';
import { fmt } from '../../shared/domain/decimal';
import type { OkxRecord } from '../../ledger/domain/okx-records';

/** An open position as `/account/positions` returns it; `pos` is signed only in net mode. */
export function positionView(p: PositionState, instrument: Instrument, risk: PositionRisk): OkxRecord {
  const px = (value: number) => fmt(value, decimalsOf(instrument.tickSz));
  const isolated = p.mgnMode === 'isolated';
  const initialMargin = (p.size * instrument.ctVal * p.avgPx) / p.lever;
  const pos = p.posSide === 'net' && p.direction === 'short' ? -p.size : p.size;
  const realizedPnl = p.pnl + p.fee + p.fundingFee + p.liqPenalty;
  return {
    adl: '1', availPos: fmt(p.size), avgPx: fmt(p.avgPx), baseBal: '', bePx: '', cTime: String(p.cTime), ccy: 'USDT',
    deltaBS: '', deltaPA: '', fee: fmt(p.fee), fundingFee: fmt(p.fundingFee), gammaBS: '', gammaPA: '', idxPx: px(risk.markPx),
    imr: isolated ? '' : fmt(risk.imr), instId: p.instId, instType: instrument.instType, interest: '0', last: px(risk.markPx),
    lever: fmt(p.lever), liab: '', liabCcy: '', liqPenalty: fmt(p.liqPenalty), liqPx: risk.liqPx === null ? '' : px(risk.liqPx),
    margin: isolated ? fmt(risk.margin) : '', markPx: px(risk.markPx), mgnMode: p.mgnMode, mgnRatio: fmt(risk.mgnRatio, 4),
    mmr: fmt(risk.maintMargin), notionalUsd: fmt(p.size * instrument.ctVal * risk.markPx), optVal: '', pendingCloseOrdLiabVal: '',
    pnl: fmt(p.pnl), pos: fmt(pos), posCcy: '', posId: p.posId, posSide: p.posSide, quoteBal: '', realizedPnl: fmt(realizedPnl),
    spotInUseAmt: '', spotInUseCcy: '', thetaBS: '', thetaPA: '', tradeId: p.lastTradeId, uTime: String(p.uTime),
    upl: fmt(risk.upl), uplLastPx: fmt(risk.upl), uplRatio: fmt(initialMargin > 0 ? risk.upl / initialMargin : 0, 6), usdPx: '',
    vegaBS: '', vegaPA: '',
  };
}
