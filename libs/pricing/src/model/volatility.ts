import { SECONDS_PER_YEAR } from './barrier';

/** OKX bar names the volatility estimate understands, with their length in seconds. */
export const BAR_SECONDS: Readonly<Record<string, number>> = {
  '1m': 60, '3m': 180, '5m': 300, '15m': 900, '30m': 1800,
  '1H': 3600, '2H': 7200, '4H': 14_400, '6H': 21_600, '12H': 43_200, '1D': 86_400,
};

/** What the estimate used, recorded with every quote so its premium can be re-derived. */
export interface VolatilityEstimate {
  /** Annualised volatility of log returns, after the floor and cap. */
  readonly annualized: number;
  /** Before the floor and cap. */
  readonly raw: number;
  readonly bar: string;
  /** Close prices used, oldest first (as OKX strings). */
  readonly closes: readonly string[];
  /** Open time (ms) of the oldest and newest candle used. */
  readonly fromTs: string;
  readonly toTs: string;
}

export interface VolatilityBounds {
  readonly floor: number;
  readonly cap: number;
}

/**
 * Annualised volatility from OKX candle rows ([ts, o, h, l, c, …], newest first, as OKX sends
 * them): sample standard deviation of close-to-close log returns, scaled by √(bars per year),
 * then kept within [floor, cap] so a quiet or broken feed never prices risk at ~0.
 * Returns null when fewer than `minCandles` usable rows exist.
 */
export function volatilityFromCandles(rows: readonly (readonly string[])[], bar: string, bounds: VolatilityBounds, minCandles = 10): VolatilityEstimate | null {
  const barSeconds = BAR_SECONDS[bar];
  if (!barSeconds) throw new RangeError(`unknown candle bar ${bar}`);
  const usable = rows.filter((row) => row.length >= 5 && Number(row[4]) > 0 && /^[0-9]+$/.test(row[0] ?? '')).slice().sort((a, b) => Number(a[0]) - Number(b[0]));
  if (usable.length < Math.max(3, minCandles)) return null;
  const closes = usable.map((row) => row[4]!);
  const returns: number[] = [];
  for (let i = 1; i < closes.length; i += 1) returns.push(Math.log(Number(closes[i]) / Number(closes[i - 1])));
  const raw = annualizedStdev(returns, barSeconds);
  return {
    annualized: Math.min(bounds.cap, Math.max(bounds.floor, raw)),
    raw,
    bar,
    closes,
    fromTs: usable[0]![0]!,
    toTs: usable[usable.length - 1]![0]!,
  };
}

/** Sample standard deviation of per-bar log returns, annualised. */
export function annualizedStdev(returns: readonly number[], barSeconds: number): number {
  if (returns.length < 2) return 0;
  const mean = returns.reduce((sum, r) => sum + r, 0) / returns.length;
  const variance = returns.reduce((sum, r) => sum + (r - mean) ** 2, 0) / (returns.length - 1);
  return Math.sqrt(variance) * Math.sqrt(SECONDS_PER_YEAR / barSeconds);
}
