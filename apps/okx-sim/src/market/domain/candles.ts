import { fmt } from '../../shared/domain/decimal';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

/** OKX bar names and their length; the `utc` variants align the same way here (to UTC). */
export const BARS: Readonly<Record<string, number>> = {
  '1m': MINUTE, '3m': 3 * MINUTE, '5m': 5 * MINUTE, '15m': 15 * MINUTE, '30m': 30 * MINUTE,
  '1H': HOUR, '2H': 2 * HOUR, '4H': 4 * HOUR, '6H': 6 * HOUR, '12H': 12 * HOUR,
  '1D': DAY, '2D': 2 * DAY, '3D': 3 * DAY, '1W': 7 * DAY,
  '6Hutc': 6 * HOUR, '12Hutc': 12 * HOUR, '1Dutc': DAY, '2Dutc': 2 * DAY, '3Dutc': 3 * DAY, '1Wutc': 7 * DAY,
};

export interface CandleRequest {
  readonly seed: string;
  readonly markPx: number;
  readonly nowMs: number;
  readonly barMs: number;
  readonly annualVol: number;
  readonly limit: number;
  readonly priceDp: number;
  /** Only bars that started before this time. */
  readonly afterMs?: number;
  /** Only bars that started after this time. */
  readonly beforeMs?: number;
}

/** FNV-1a, enough to turn (seed, bar index) into a stable pseudo-random number. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

function uniform(text: string): number {
  return (hash32(text) + 0.5) / 2 ** 32;
}

function normal(text: string): number {
  return Math.sqrt(-2 * Math.log(uniform(`${text}:a`))) * Math.cos(2 * Math.PI * uniform(`${text}:b`));
}

/**
 * Candles for a random walk that ends at the current mark price: every bar's log-return is a
 * normal draw seeded by (instrument, bar), so repeated calls show the same history and the
 * volatility a pricing model estimates from them is the instrument's `annualVol`.
 * Rows are OKX's: [ts, o, h, l, c, vol, volCcy, volCcyQuote, confirm], newest first.
 */
export function syntheticCandles(request: CandleRequest): string[][] {
  const sigma = request.annualVol * Math.sqrt(request.barMs / YEAR);
  const current = Math.floor(request.nowMs / request.barMs);
  const top = request.afterMs === undefined ? current : Math.min(current, Math.ceil(request.afterMs / request.barMs) - 1);
  const floor = request.beforeMs === undefined ? -Infinity : Math.floor(request.beforeMs / request.barMs) + 1;
  const ret = (index: number) => sigma * normal(`${request.seed}:${request.barMs}:${index}`);

  let close = request.markPx;
  for (let index = current; index > top; index -= 1) close /= Math.exp(ret(index));
  const rows: string[][] = [];
  for (let index = top; index >= floor && rows.length < request.limit; index -= 1) {
    const open = close / Math.exp(ret(index));
    const high = Math.max(open, close) * (1 + Math.abs(sigma * normal(`${request.seed}:h:${index}`)) * 0.3);
    const low = Math.min(open, close) * (1 - Math.abs(sigma * normal(`${request.seed}:l:${index}`)) * 0.3);
    const contracts = Math.round(1000 * (1 + uniform(`${request.seed}:v:${index}`)));
    const px = (value: number) => fmt(value, request.priceDp);
    rows.push([
      String(index * request.barMs), px(open), px(high), px(low), px(close),
      String(contracts), fmt(contracts / 100), fmt((contracts / 100) * close, 2), index === current ? '0' : '1',
    ]);
    close = open;
  }
  return rows;
}
