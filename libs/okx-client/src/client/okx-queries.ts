/** Query parameters of the OKX endpoints LiqPass reads (OKX.md "Endpoints"), as OKX names them. */

type Cursor = { readonly after?: string; readonly before?: string; readonly limit?: number };
type TimeRange = { readonly begin?: string | number; readonly end?: string | number };

export type OrderQuery = { readonly instId: string } & ({ readonly ordId: string; readonly clOrdId?: never } | { readonly clOrdId: string; readonly ordId?: never });

export type OrdersPendingQuery = Cursor & { readonly instType?: string; readonly instId?: string; readonly ordType?: string; readonly state?: string };

export type OrdersHistoryQuery = Cursor &
  TimeRange & {
    readonly instType: string;
    readonly instId?: string;
    readonly ordType?: string;
    readonly state?: string;
    readonly category?: string;
  };

export type FillsQuery = Cursor & TimeRange & { readonly instType?: string; readonly instId?: string; readonly ordId?: string; readonly subType?: string };

export type PositionsQuery = { readonly instType?: string; readonly instId?: string; readonly posId?: string };

export type PositionsHistoryQuery = Cursor & {
  readonly instType?: string;
  readonly instId?: string;
  readonly mgnMode?: string;
  readonly type?: string;
  readonly posId?: string;
};

export type BillsQuery = Cursor &
  TimeRange & {
    readonly instType?: string;
    readonly instId?: string;
    readonly ccy?: string;
    readonly mgnMode?: string;
    readonly type?: string;
    readonly subType?: string;
  };

export type CandlesQuery = { readonly instId: string; readonly bar?: string; readonly after?: string; readonly before?: string; readonly limit?: number };

export type MarkPriceQuery = { readonly instType: string; readonly instId?: string };
