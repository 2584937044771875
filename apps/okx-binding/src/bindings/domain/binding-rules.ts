import { abs, compareDecimal, decimalsEqual, formatDecimal, isZero, multiplyByInt, parseDecimal, subtract } from '../../shared/domain/exact-decimal';
import { openingOrderRefusal } from '../../shared/domain/opening-order';
import { refuse, type BindingRefusal } from './binding-refusal';
import type { QuoteTerms } from './quote-terms';

/** The OKX order fields the rules read (raw strings, as OKX sends them). */
export interface OrderFacts {
  readonly ordId: string;
  readonly instId: string;
  readonly category: string;
  readonly state: string;
  readonly side: string;
  readonly posSide: string;
  readonly tdMode: string;
  readonly reduceOnly: string;
  readonly fillTime: string;
  readonly uTime: string;
}

/** The OKX position fields the rules read. */
export interface PositionFacts {
  readonly posId: string;
  readonly instId: string;
  readonly posSide: string;
  readonly mgnMode: string;
  readonly pos: string;
  readonly lever: string;
  readonly markPx: string;
  readonly liqPx: string;
  readonly cTime: string;
}

/**
 * A position record opens at (or a moment after) the fill that created it; OKX does not say
 * how long that moment is, so an opening order may have filled up to this long before the
 * position's cTime and still be the one that opened it.
 */
export const POSITION_OPEN_TOLERANCE_MS = 60_000;

const directionOfSide = (side: string) => (side === 'buy' ? 'long' : side === 'sell' ? 'short' : null);

/**
 * Rule 1: the order opened (or added to) a position — category normal, not reduce-only, its
 * side opening its posSide — and is filled; its instrument, side and margin mode are the
 * quote's. Pure; checked before OKX is asked about positions.
 */
export function checkOpeningOrder(order: OrderFacts, terms: QuoteTerms): BindingRefusal | null {
  const notOpening = openingOrderRefusal(order);
  if (notOpening) return notOpening;
  const mismatched = [
    order.instId !== terms.instId && `instrument ${order.instId} (quote: ${terms.instId})`,
    order.posSide !== terms.posSide && `side ${order.posSide} (quote: ${terms.posSide})`,
    order.tdMode !== terms.mgnMode && `margin mode ${order.tdMode} (quote: ${terms.mgnMode})`,
  ].filter(Boolean);
  if (mismatched.length > 0) return refuse('OKX_ORDER_MISMATCH', `order ${order.ordId} does not match the quote: ${mismatched.join(', ')}`);
  return null;
}

export interface PositionCheck {
  readonly order: OrderFacts;
  readonly positions: readonly PositionFacts[];
  readonly terms: QuoteTerms;
  readonly minLiqDistanceBps: number;
}

export type PositionVerdict = { readonly ok: true; readonly position: PositionFacts; readonly liqPx: string | null } | { readonly ok: false; readonly refusal: BindingRefusal };

/**
 * Rule 2: the position the order opened is still open and is the current one (the order
 * filled no earlier than the position began), its leverage is the quote's, and its mark
 * price is at least `minLiqDistanceBps` away from its liquidation price on the safe side.
 */
export function checkPosition({ order, positions, terms, minLiqDistanceBps }: PositionCheck): PositionVerdict {
  const position = positions.find(
    (p) => p.instId === order.instId && p.posSide === order.posSide && p.mgnMode === order.tdMode && !isZeroSize(p.pos),
  );
  if (!position) {
    return fail('OKX_POSITION_NOT_OPEN', `no open ${order.posSide} ${order.tdMode} position on ${order.instId}: the position order ${order.ordId} opened is closed`);
  }
  const direction = positionDirection(position);
  if (order.posSide === 'net' && directionOfSide(order.side) !== direction) {
    return fail('OKX_ORDER_NOT_OPENING', `order ${order.ordId} ${order.side}s against the open ${direction} net position: it reduces it`);
  }
  const filledAt = Number(order.fillTime || order.uTime);
  if (Number.isFinite(filledAt) && filledAt < Number(position.cTime) - POSITION_OPEN_TOLERANCE_MS) {
    return fail('OKX_POSITION_NOT_OPEN', `order ${order.ordId} filled before the open position ${position.posId} began: the position it opened is closed`);
  }
  if (!decimalsEqual(position.lever, terms.lever)) {
    return fail('OKX_ORDER_MISMATCH', `position ${position.posId} runs at leverage ${position.lever} (quote: ${terms.lever})`);
  }
  return checkLiquidationDistance(position, direction, minLiqDistanceBps);
}

function checkLiquidationDistance(position: PositionFacts, direction: 'long' | 'short', minBps: number): PositionVerdict {
  if (position.liqPx === '') return { ok: true, position, liqPx: null };
  const mark = parseDecimal(position.markPx);
  const liq = parseDecimal(position.liqPx);
  if (!mark || !liq || compareDecimal(mark, { units: 0n, scale: 0 }) <= 0) {
    return fail('TOO_CLOSE_TO_LIQUIDATION', `position ${position.posId} has no usable mark (${position.markPx}) or liquidation price (${position.liqPx})`);
  }
  // distance on the safe side: long → mark − liq, short → liq − mark; need distance·10000 ≥ minBps·mark.
  const distance = direction === 'long' ? subtract(mark, liq) : subtract(liq, mark);
  if (compareDecimal(multiplyByInt(distance, 10_000), multiplyByInt(mark, minBps)) < 0) {
    return fail(
      'TOO_CLOSE_TO_LIQUIDATION',
      `position ${position.posId} is ${formatDecimal(distance)} from its liquidation price ${position.liqPx} at mark ${position.markPx}: less than ${minBps} bp of the mark`,
    );
  }
  return { ok: true, position, liqPx: position.liqPx };
}

function positionDirection(position: PositionFacts): 'long' | 'short' {
  if (position.posSide === 'long' || position.posSide === 'short') return position.posSide;
  const size = parseDecimal(position.pos);
  return size && size.units < 0n ? 'short' : 'long';
}

function isZeroSize(pos: string): boolean {
  const size = parseDecimal(pos);
  return size === null || isZero(size);
}

/** The position's size, unsigned (net positions carry a sign). */
export function positionSize(position: PositionFacts): string {
  const size = parseDecimal(position.pos);
  return size ? formatDecimal(abs(size)) : position.pos;
}

const fail = (code: Parameters<typeof refuse>[0], message: string): PositionVerdict => ({ ok: false, refusal: refuse(code, message) });
