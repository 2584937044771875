import { OKX_ENDPOINTS, type OkxEndpoint } from '../endpoints/okx-endpoints';
import type { OkxQuery } from '../http/query-string';
import { walkPages, walkRecentThenArchive, type PageCursor, type PageWalk, type WalkOptions } from '../pagination/walk-pages';
import type { OkxAccountConfig, OkxBill, OkxFill, OkxOrder, OkxPosition, OkxPositionHistory } from '../records/okx-records';
import type { OkxCredentials } from './okx-client.options';
import type { OkxHttp, OkxResult } from './okx-http';
import type { BillsQuery, FillsQuery, OrderQuery, OrdersHistoryQuery, OrdersPendingQuery, PositionsHistoryQuery, PositionsQuery } from './okx-queries';

export interface ArchiveWalkOptions extends WalkOptions {
  /** Continue into the long-retention endpoint once the recent one runs out (default true). */
  readonly includeArchive?: boolean;
}

/**
 * One trader's OKX account, reached with their API key. The key lives in a private field so
 * that logging or serialising this object can never reveal it.
 */
export class OkxAccountClient {
  readonly #credentials: OkxCredentials;

  constructor(
    private readonly http: OkxHttp,
    credentials: OkxCredentials,
  ) {
    this.#credentials = credentials;
  }

  getAccountConfig(): Promise<OkxResult<OkxAccountConfig>> {
    return this.get(OKX_ENDPOINTS.accountConfig, {});
  }

  /** `ordId` before `instId`, as OKX's own examples order them. */
  getOrder(query: OrderQuery): Promise<OkxResult<OkxOrder>> {
    return this.get(OKX_ENDPOINTS.order, { ordId: query.ordId, clOrdId: query.clOrdId, instId: query.instId });
  }

  getOrdersPending(query: OrdersPendingQuery = {}): Promise<OkxResult<OkxOrder>> {
    return this.get(OKX_ENDPOINTS.ordersPending, query);
  }

  getOrdersHistory(query: OrdersHistoryQuery): Promise<OkxResult<OkxOrder>> {
    return this.get(OKX_ENDPOINTS.ordersHistory, query);
  }

  getOrdersHistoryArchive(query: OrdersHistoryQuery): Promise<OkxResult<OkxOrder>> {
    return this.get(OKX_ENDPOINTS.ordersHistoryArchive, query);
  }

  getFills(query: FillsQuery = {}): Promise<OkxResult<OkxFill>> {
    return this.get(OKX_ENDPOINTS.fills, query);
  }

  getFillsHistory(query: FillsQuery & { readonly instType: string }): Promise<OkxResult<OkxFill>> {
    return this.get(OKX_ENDPOINTS.fillsHistory, query);
  }

  getPositions(query: PositionsQuery = {}): Promise<OkxResult<OkxPosition>> {
    return this.get(OKX_ENDPOINTS.positions, query);
  }

  getPositionsHistory(query: PositionsHistoryQuery = {}): Promise<OkxResult<OkxPositionHistory>> {
    return this.get(OKX_ENDPOINTS.positionsHistory, query);
  }

  getBills(query: BillsQuery = {}): Promise<OkxResult<OkxBill>> {
    return this.get(OKX_ENDPOINTS.bills, query);
  }

  getBillsArchive(query: BillsQuery = {}): Promise<OkxResult<OkxBill>> {
    return this.get(OKX_ENDPOINTS.billsArchive, query);
  }

  /** Orders newest first across orders-history (7 days) and, by default, the 3-month archive. */
  walkOrdersHistory(query: Omit<OrdersHistoryQuery, 'after' | 'before' | 'limit'>, options: ArchiveWalkOptions = {}): Promise<PageWalk<OkxOrder>> {
    const page = (fetch: (q: OrdersHistoryQuery) => Promise<OkxResult<OkxOrder>>) => (cursor: PageCursor, limit: number) => fetch({ ...query, ...cursor, limit });
    return this.walkWithArchive(
      page((q) => this.getOrdersHistory(q)),
      page((q) => this.getOrdersHistoryArchive(q)),
      (order) => order.ordId,
      options,
    );
  }

  /** Fills newest first across fills (3 days) and fills-history (3 months). */
  walkFills(query: Omit<FillsQuery, 'after' | 'before' | 'limit'> & { readonly instType: string }, options: ArchiveWalkOptions = {}): Promise<PageWalk<OkxFill>> {
    return this.walkWithArchive(
      (cursor, limit) => this.getFills({ ...query, ...cursor, limit }),
      (cursor, limit) => this.getFillsHistory({ ...query, ...cursor, limit }),
      (fill) => fill.billId,
      options,
    );
  }

  /** Bills newest first across bills (7 days) and bills-archive (3 months). */
  walkBills(query: Omit<BillsQuery, 'after' | 'before' | 'limit'>, options: ArchiveWalkOptions = {}): Promise<PageWalk<OkxBill>> {
    return this.walkWithArchive(
      (cursor, limit) => this.getBills({ ...query, ...cursor, limit }),
      (cursor, limit) => this.getBillsArchive({ ...query, ...cursor, limit }),
      (bill) => bill.billId,
      options,
    );
  }

  /** Closed positions newest first (3 months); the cursor is `uTime`. */
  walkPositionsHistory(query: Omit<PositionsHistoryQuery, 'after' | 'before' | 'limit'>, options: WalkOptions = {}): Promise<PageWalk<OkxPositionHistory>> {
    return walkPages(
      { fetchPage: (cursor, limit) => this.getPositionsHistory({ ...query, ...cursor, limit }), cursorOf: (record) => record.uTime, direction: 'older' },
      options,
    );
  }

  private walkWithArchive<T>(
    recent: (cursor: PageCursor, limit: number) => Promise<OkxResult<T>>,
    archive: (cursor: PageCursor, limit: number) => Promise<OkxResult<T>>,
    idOf: (record: T) => string,
    options: ArchiveWalkOptions,
  ): Promise<PageWalk<T>> {
    if (options.includeArchive === false) return walkPages({ fetchPage: recent, cursorOf: idOf, direction: 'older' }, options);
    return walkRecentThenArchive({ recent, archive, cursorOf: idOf, idOf }, options);
  }

  private get<T>(endpoint: OkxEndpoint, query: OkxQuery): Promise<OkxResult<T>> {
    return this.http.get<T>(endpoint, query, this.#credentials);
  }
}
