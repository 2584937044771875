/** OKX's wire records. Every field is a string; "not applicable" is "". */
export type OkxRecord = Readonly<Record<string, string>>;

export interface OrderFields {
  readonly instType: string;
  readonly instId: string;
  readonly ordId: string;
  readonly clOrdId: string;
  readonly category: string;
  readonly state: string;
  readonly ordType: string;
  readonly side: string;
  readonly posSide: string;
  readonly tdMode: string;
  readonly sz: string;
  readonly px: string;
  readonly lever: string;
  readonly reduceOnly: string;
  readonly cTime: number;
  readonly uTime: number;
  /** Absent for an order that has not traded. */
  readonly fill?: { readonly px: string; readonly sz: string; readonly tradeId: string; readonly pnl: string; readonly fee: string; readonly time: number };
}

/** An order as `/trade/order` and the order lists return it. */
export function orderView(o: OrderFields): OkxRecord {
  const filled = o.fill;
  return {
    instType: o.instType, instId: o.instId, tgtCcy: '', ccy: '', ordId: o.ordId, clOrdId: o.clOrdId, tag: '',
    px: o.px, pxUsd: '', pxVol: '', pxType: '', sz: o.sz, pnl: filled?.pnl ?? '0', ordType: o.ordType, side: o.side,
    posSide: o.posSide, tdMode: o.tdMode, accFillSz: filled?.sz ?? '0', fillPx: filled?.px ?? '', tradeId: filled?.tradeId ?? '',
    fillSz: filled?.sz ?? '0', fillTime: filled ? String(filled.time) : '', avgPx: filled?.px ?? '', state: o.state,
    stpId: '', stpMode: 'cancel_maker', lever: o.lever, tpTriggerPx: '', tpTriggerPxType: '', tpOrdPx: '', slTriggerPx: '',
    slTriggerPxType: '', slOrdPx: '', feeCcy: 'USDT', fee: filled?.fee ?? '0', rebateCcy: 'USDT', rebate: '0', source: '',
    category: o.category, reduceOnly: o.reduceOnly, isTpLimit: 'false', cancelSource: '', cancelSourceReason: '',
    quickMgnType: '', algoClOrdId: '', algoId: '', uTime: String(o.uTime), cTime: String(o.cTime),
  };
}

export interface FillFields {
  readonly instType: string;
  readonly instId: string;
  readonly tradeId: string;
  readonly ordId: string;
  readonly billId: string;
  readonly subType: string;
  readonly px: string;
  readonly sz: string;
  readonly pnl: string;
  readonly markPx: string;
  readonly side: string;
  readonly posSide: string;
  readonly fee: string;
  readonly time: number;
}

/** A fill as `/trade/fills` and `/fills-history` return it. */
export function fillView(f: FillFields): OkxRecord {
  return {
    instType: f.instType, instId: f.instId, tradeId: f.tradeId, ordId: f.ordId, clOrdId: '', billId: f.billId, subType: f.subType,
    tag: '', fillPx: f.px, fillSz: f.sz, fillIdxPx: f.markPx, fillPnl: f.pnl, fillPxVol: '', fillPxUsd: '', fillMarkVol: '',
    fillFwdPx: '', fillMarkPx: f.markPx, side: f.side, posSide: f.posSide, execType: 'T', feeCcy: 'USDT', fee: f.fee,
    ts: String(f.time), fillTime: String(f.time), feeRate: '-0.0005',
  };
}

export interface BillFields {
  readonly billId: string;
  readonly ordId: string;
  readonly tradeId: string;
  readonly instType: string;
  readonly instId: string;
  readonly mgnMode: string;
  readonly type: string;
  readonly subType: string;
  readonly sz: string;
  readonly px: string;
  readonly markPx: string;
  readonly pnl: string;
  readonly fee: string;
  readonly balChg: string;
  readonly bal: string;
  readonly posBal: string;
  readonly posBalChg: string;
  readonly time: number;
}

/** A bill as `/account/bills` and `/bills-archive` return it. */
export function billView(b: BillFields): OkxRecord {
  return {
    bal: b.bal, balChg: b.balChg, billId: b.billId, ccy: 'USDT', clOrdId: '', execType: 'T', fee: b.fee, fillFwdPx: '',
    fillIdxPx: b.markPx, fillMarkPx: b.markPx, fillMarkVol: '', fillPxUsd: '', fillPxVol: '', fillTime: String(b.time), from: '',
    instId: b.instId, instType: b.instType, interest: '0', mgnMode: b.mgnMode, notes: '', ordId: b.ordId, pnl: b.pnl,
    posBal: b.posBal, posBalChg: b.posBalChg, px: b.px, subType: b.subType, sz: b.sz, tag: '', to: '', tradeId: b.tradeId,
    ts: String(b.time), type: b.type,
  };
}
