export type Direction = 'long' | 'short';
export type PosSide = 'long' | 'short' | 'net';
export type MgnMode = 'isolated' | 'cross';
export type Side = 'buy' | 'sell';

/**
 * An open position. The accumulators (pnl, fee, liqPenalty, closes) run over the whole life
 * of the position — `posId` + `cTime` — because positions-history reports them that way.
 */
export interface PositionState {
  readonly posId: string;
  readonly uid: string;
  readonly instId: string;
  readonly mgnMode: MgnMode;
  readonly posSide: PosSide;
  readonly direction: Direction;
  readonly cTime: number;
  readonly uTime: number;
  /** Open contracts (base currency for MARGIN), always positive; `pos` is signed only in net mode. */
  readonly size: number;
  readonly avgPx: number;
  readonly lever: number;
  readonly openMaxPos: number;
  readonly pnl: number;
  readonly fee: number;
  readonly fundingFee: number;
  readonly liqPenalty: number;
  readonly closeTotalPos: number;
  /** Σ close price × closed size, for closeAvgPx. */
  readonly closeNotional: number;
  readonly lastTradeId: string;
}

/**
 * One positions-history record. `type` is only the latest close type
 * (1 partial close, 2 close all, 3 liquidation, 4 partial liquidation, 5/6 ADL).
 */
export interface PositionHistoryState {
  readonly uid: string;
  readonly posId: string;
  readonly instId: string;
  readonly mgnMode: MgnMode;
  readonly posSide: PosSide;
  readonly direction: Direction;
  readonly cTime: number;
  readonly uTime: number;
  readonly type: 1 | 2 | 3 | 4 | 5 | 6;
  readonly openAvgPx: number;
  readonly closeAvgPx: number;
  readonly openMaxPos: number;
  readonly closeTotalPos: number;
  readonly pnl: number;
  readonly fee: number;
  readonly fundingFee: number;
  readonly liqPenalty: number;
  /** Mark price that triggered the latest liquidation or ADL; null when none happened. */
  readonly triggerPx: number | null;
  readonly lever: number;
}

export const sign = (direction: Direction): 1 | -1 => (direction === 'long' ? 1 : -1);
export const openingSide = (direction: Direction): Side => (direction === 'long' ? 'buy' : 'sell');
export const closingSide = (direction: Direction): Side => (direction === 'long' ? 'sell' : 'buy');
