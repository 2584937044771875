import type { Instrument } from '../../market/domain/instrument';
import { openingSide, type Direction, type MgnMode, type PositionState, type PosSide } from './position';
import { recordExecution, TAKER_FEE_RATE, toTick, type ExecutionRecords, type TradeIds } from './trade-execution';

export interface OpenInput {
  readonly uid: string;
  readonly instrument: Instrument;
  /** The open position with the same instrument, side and margin mode, which the trade adds to. */
  readonly existing?: PositionState;
  /** The posId for a new position (a reused one when OKX would reuse it). */
  readonly posId: string;
  readonly posSide: PosSide;
  readonly direction: Direction;
  readonly mgnMode: MgnMode;
  readonly lever: number;
  readonly sz: number;
  readonly px: number;
  readonly markPx: number;
  readonly ts: number;
  readonly cashBal: number;
  readonly ids: TradeIds;
}

export interface OpenOutcome extends ExecutionRecords {
  readonly position: PositionState;
  readonly balChg: number;
}

/** A filled market order that opens a position or adds to one (OKX merges same-side trades). */
export function openPosition(input: OpenInput): OpenOutcome {
  const { instrument, existing } = input;
  const px = toTick(instrument, input.px);
  const fee = -input.sz * instrument.ctVal * px * TAKER_FEE_RATE;
  const size = (existing?.size ?? 0) + input.sz;
  const avgPx = existing ? (existing.avgPx * existing.size + px * input.sz) / size : px;
  const position: PositionState = {
    posId: existing?.posId ?? input.posId,
    uid: input.uid,
    instId: instrument.instId,
    mgnMode: input.mgnMode,
    posSide: input.posSide,
    direction: input.direction,
    cTime: existing?.cTime ?? input.ts,
    uTime: input.ts,
    size,
    avgPx,
    lever: input.lever,
    openMaxPos: Math.max(existing?.openMaxPos ?? 0, size),
    pnl: existing?.pnl ?? 0,
    fee: (existing?.fee ?? 0) + fee,
    fundingFee: existing?.fundingFee ?? 0,
    liqPenalty: existing?.liqPenalty ?? 0,
    closeTotalPos: existing?.closeTotalPos ?? 0,
    closeNotional: existing?.closeNotional ?? 0,
    lastTradeId: input.ids.tradeId,
  };
  const isolated = input.mgnMode === 'isolated';
  const records = recordExecution({
    kind: 'open', instrument, posSide: input.posSide, mgnMode: input.mgnMode, side: openingSide(input.direction),
    ordType: 'market', reduceOnly: false, lever: input.lever, sz: input.sz, px, markPx: input.markPx, ts: input.ts,
    pnl: 0, fee, balChg: fee, balAfter: input.cashBal + fee,
    posBal: isolated ? (size * instrument.ctVal * avgPx) / input.lever : 0,
    posBalChg: isolated ? (input.sz * instrument.ctVal * px) / input.lever : 0,
    ids: input.ids,
  });
  return { ...records, position, balChg: fee };
}
