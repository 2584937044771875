/**
 * OKX records as OKX sends them: every field a string, "" for not applicable, and fields this
 * file does not name are kept (a record is the raw JSON object). Only the fields LiqPass reads
 * are named; `category` and similar stay open strings because OKX adds values.
 */
export type OkxRecord = Readonly<Record<string, string>>;

export type OkxAccountConfig = OkxRecord & {
  readonly uid: string;
  /** Comma-separated: read_only, trade, withdraw. */
  readonly perm: string;
  readonly posMode: string;
};

export type OkxOrder = OkxRecord & {
  readonly ordId: string;
  readonly clOrdId: string;
  readonly instType: string;
  readonly instId: string;
  readonly category: string;
  readonly state: string;
  readonly side: string;
  readonly posSide: string;
  readonly tdMode: string;
  readonly ordType: string;
  readonly sz: string;
  readonly accFillSz: string;
  readonly avgPx: string;
  readonly fillTime: string;
  readonly lever: string;
  readonly reduceOnly: string;
  readonly cTime: string;
  readonly uTime: string;
};

export type OkxPosition = OkxRecord & {
  readonly posId: string;
  readonly instType: string;
  readonly instId: string;
  readonly posSide: string;
  readonly mgnMode: string;
  readonly pos: string;
  readonly avgPx: string;
  readonly markPx: string;
  readonly liqPx: string;
  readonly lever: string;
  readonly cTime: string;
  readonly uTime: string;
};

export type OkxPositionHistory = OkxRecord & {
  readonly posId: string;
  readonly instId: string;
  readonly mgnMode: string;
  readonly posSide: string;
  readonly type: string;
  readonly cTime: string;
  readonly uTime: string;
};

export type OkxFill = OkxRecord & { readonly billId: string; readonly ordId: string; readonly subType: string; readonly ts: string };

export type OkxBill = OkxRecord & { readonly billId: string; readonly ordId: string; readonly type: string; readonly subType: string; readonly ts: string };

export type OkxMarkPrice = OkxRecord & { readonly instId: string; readonly markPx: string; readonly ts: string };

/** Candles come as arrays of strings: [ts, o, h, l, c, vol, volCcy, volCcyQuote, confirm]. */
export type OkxCandle = readonly string[];
