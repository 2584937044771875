import type { BindingRefusal } from '../../bindings/domain/binding-refusal';

/** The order fields that tell an opening order from everything else. */
export interface OrderKind {
  readonly ordId: string;
  readonly category: string;
  readonly state: string;
  readonly side: string;
  readonly posSide: string;
  readonly reduceOnly: string;
}

const opens = (side: string, posSide: string) => (posSide === 'long' && side === 'buy') || (posSide === 'short' && side === 'sell');

/**
 * A trader's opening order: category `normal` (not a liquidation, ADL, delivery… — OKX
 * liquidates with a separate system order), not reduce-only, on the side that opens its
 * posSide (net-mode orders are judged against the position), and filled.
 */
export function openingOrderRefusal(order: OrderKind): BindingRefusal | null {
  if (order.category !== 'normal') {
    return { code: 'OKX_ORDER_NOT_OPENING', message: `order ${order.ordId} is a ${order.category} order, not one the trader opened a position with` };
  }
  if (order.reduceOnly === 'true') return { code: 'OKX_ORDER_NOT_OPENING', message: `order ${order.ordId} is reduce-only: it closes a position` };
  if (order.posSide !== 'net' && !opens(order.side, order.posSide)) {
    return { code: 'OKX_ORDER_NOT_OPENING', message: `order ${order.ordId} ${order.side}s on the ${order.posSide} side: it closes a position` };
  }
  if (order.state !== 'filled') return { code: 'OKX_ORDER_NOT_FILLED', message: `order ${order.ordId} is ${order.state}, not filled` };
  return null;
}
