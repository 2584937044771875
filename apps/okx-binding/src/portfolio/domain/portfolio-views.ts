import type { OkxOrder, OkxPosition } from '@liqpass/okx-client';
import type { LinkedAccount } from '../../accounts/domain/linked-account';
import { maskUid } from '../../accounts/domain/masked-uid';

/** An open position as the trader picks it (PRODUCT.md §2 step 3); OKX's strings unchanged. */
export interface PositionView {
  readonly accountId: string;
  readonly okxUid: string;
  readonly instType: string;
  readonly instId: string;
  readonly posId: string;
  readonly posSide: string;
  readonly mgnMode: string;
  readonly lever: string;
  readonly pos: string;
  readonly avgPx: string;
  readonly markPx: string;
  readonly liqPx: string;
  readonly upl: string;
  readonly margin: string;
  readonly cTime: string;
  readonly uTime: string;
}

/** A recent opening order, the one a purchase order binds. */
export interface OrderView {
  readonly accountId: string;
  readonly okxUid: string;
  readonly ordId: string;
  readonly instType: string;
  readonly instId: string;
  readonly side: string;
  readonly posSide: string;
  readonly tdMode: string;
  readonly ordType: string;
  readonly lever: string;
  readonly sz: string;
  readonly accFillSz: string;
  readonly avgPx: string;
  readonly state: string;
  readonly fillTime: string;
  readonly cTime: string;
}

const text = (value: string | undefined) => value ?? '';

export function positionView(account: LinkedAccount, p: OkxPosition): PositionView {
  return {
    accountId: account.id,
    okxUid: maskUid(account.okxUid),
    instType: p.instType,
    instId: p.instId,
    posId: p.posId,
    posSide: p.posSide,
    mgnMode: p.mgnMode,
    lever: p.lever,
    pos: p.pos,
    avgPx: p.avgPx,
    markPx: p.markPx,
    liqPx: p.liqPx,
    upl: text(p['upl']),
    margin: text(p['margin']),
    cTime: p.cTime,
    uTime: p.uTime,
  };
}

export function orderView(account: LinkedAccount, o: OkxOrder): OrderView {
  return {
    accountId: account.id,
    okxUid: maskUid(account.okxUid),
    ordId: o.ordId,
    instType: o.instType,
    instId: o.instId,
    side: o.side,
    posSide: o.posSide,
    tdMode: o.tdMode,
    ordType: o.ordType,
    lever: o.lever,
    sz: o.sz,
    accFillSz: o.accFillSz,
    avgPx: o.avgPx,
    state: o.state,
    fillTime: o.fillTime,
    cTime: o.cTime,
  };
}

/** Newest first by an OKX millisecond field, then by id (OKX ids grow with time) for equal times. */
export const newestFirst =
  <T>(time: (item: T) => string, id: (item: T) => string) =>
  (a: T, b: T): number =>
    Number(time(b)) - Number(time(a)) || compareNumericIds(id(b), id(a));

function compareNumericIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
