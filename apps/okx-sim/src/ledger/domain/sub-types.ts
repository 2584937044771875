import type { PosSide, Side } from './position';

/** What produced a fill: OKX names each in `category`, bill `type` and fill/bill `subType`. */
export type TradeKind = 'open' | 'manual' | 'partial_liquidation' | 'full_liquidation' | 'adl';

/** Order `category` per kind; a manual trade is a `normal` order. */
export function categoryOf(kind: TradeKind): string {
  return kind === 'open' || kind === 'manual' ? 'normal' : kind;
}

/** Bill `type`: 2 trade, 5 liquidation, 9 ADL. */
export function billTypeOf(kind: TradeKind): string {
  if (kind === 'partial_liquidation' || kind === 'full_liquidation') return '5';
  return kind === 'adl' ? '9' : '2';
}

// [long, short, buy (net mode), sell (net mode)] per kind, from OKX's subType list.
const SUB_TYPES: Readonly<Record<TradeKind, readonly [number, number, number, number]>> = {
  open: [3, 4, 1, 2],
  manual: [5, 6, 1, 2],
  partial_liquidation: [100, 101, 102, 103],
  full_liquidation: [104, 105, 106, 107],
  adl: [125, 126, 127, 128],
};

/**
 * Fill and bill `subType`. In long/short mode it names the position side
 * (104 liquidation long, 105 liquidation short); in net mode the order side (106 buy, 107 sell).
 */
export function subTypeOf(kind: TradeKind, posSide: PosSide, side: Side): string {
  const [long, short, buy, sell] = SUB_TYPES[kind];
  if (posSide === 'long') return String(long);
  if (posSide === 'short') return String(short);
  return String(side === 'buy' ? buy : sell);
}
