export type InstType = 'SWAP' | 'FUTURES' | 'MARGIN';
export const INST_TYPES = ['SPOT', 'MARGIN', 'SWAP', 'FUTURES', 'OPTION'] as const;

/**
 * The instruments the simulator trades: USDT-margined (linear) only, so pnl is
 * (exit − entry) × contracts × ctVal in USDT. `mmr` is the tier-1 maintenance margin ratio,
 * used for liquidation prices and the liquidation penalty.
 */
export interface Instrument {
  readonly instId: string;
  readonly instType: InstType;
  readonly uly: string;
  readonly ctVal: number;
  readonly ctValCcy: string;
  readonly lotSz: string;
  readonly tickSz: string;
  readonly maxLever: number;
  readonly mmr: number;
  /** Annualised volatility of the synthetic candles. */
  readonly annualVol: number;
  readonly defaultMarkPx: number;
  readonly expTime: string;
}

const swap = (base: string, ctVal: number, tickSz: string, maxLever: number, mmr: number, annualVol: number, markPx: number): Instrument => ({
  instId: `${base}-USDT-SWAP`,
  instType: 'SWAP',
  uly: `${base}-USDT`,
  ctVal,
  ctValCcy: base,
  lotSz: '0.01',
  tickSz,
  maxLever,
  mmr,
  annualVol,
  defaultMarkPx: markPx,
  expTime: '',
});

export const INSTRUMENTS: readonly Instrument[] = [
  swap('BTC', 0.01, '0.1', 100, 0.004, 0.6, 60000),
  swap('ETH', 0.1, '0.01', 100, 0.005, 0.75, 3000),
  swap('SOL', 1, '0.001', 50, 0.01, 1.0, 150),
  { ...swap('BTC', 0.01, '0.1', 100, 0.004, 0.6, 60500), instId: 'BTC-USDT-261225', instType: 'FUTURES', expTime: String(Date.UTC(2026, 11, 25, 8)) },
  { ...swap('BTC', 1, '0.1', 10, 0.05, 0.6, 60000), instId: 'BTC-USDT', instType: 'MARGIN', lotSz: '0.00001' },
  { ...swap('ETH', 1, '0.01', 10, 0.05, 0.75, 3000), instId: 'ETH-USDT', instType: 'MARGIN', lotSz: '0.0001' },
];

export function findInstrument(instId: string): Instrument | undefined {
  return INSTRUMENTS.find((instrument) => instrument.instId === instId);
}

/** Decimals of a tick or lot size ("0.01" → 2), for rendering prices like OKX does. */
export function decimalsOf(step: string): number {
  return step.includes('.') ? step.split('.')[1].length : 0;
}
