import type { OrderFacts, PositionFacts } from './binding-rules';
import { positionSize } from './binding-rules';

/**
 * `okx_meta_json` (PRODUCT.md §3) — the OkxOrderBound payload without the purchase order id —
 * plus `posSzAtBind`, the insured size a partial liquidation is scaled against.
 */
export interface OkxMeta {
  readonly ordId: string;
  readonly instId: string;
  readonly posId: string;
  /** The position's creation time in OKX milliseconds: with posId, the position's identity. */
  readonly posCTime: string;
  readonly posSide: 'long' | 'short' | 'net';
  readonly mgnMode: 'cross' | 'isolated';
  readonly lever: string;
  readonly okxUid: string;
  readonly liqPxAtBind: string | null;
  readonly posSzAtBind: string;
  readonly boundAt: string;
}

export function okxMetaOf(order: OrderFacts, position: PositionFacts, liqPx: string | null, okxUid: string, boundAt: Date): OkxMeta {
  return {
    ordId: order.ordId,
    instId: position.instId,
    posId: position.posId,
    posCTime: position.cTime,
    posSide: position.posSide as OkxMeta['posSide'],
    mgnMode: position.mgnMode as OkxMeta['mgnMode'],
    lever: position.lever,
    okxUid,
    liqPxAtBind: liqPx,
    posSzAtBind: positionSize(position),
    boundAt: boundAt.toISOString(),
  };
}
