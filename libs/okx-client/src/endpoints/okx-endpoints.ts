/** A sliding-window request budget: at most `limit` requests in any `windowMs`. */
export interface RateBudget {
  readonly limit: number;
  readonly windowMs: number;
}

export interface OkxEndpoint {
  readonly path: string;
  /** Private endpoints are signed and limited per API key; public ones are neither. */
  readonly auth: 'private' | 'public';
  /** OKX's documented limit per API key (OKX.md "Endpoints"); none for public endpoints. */
  readonly budget?: RateBudget;
}

const per2s = (limit: number): RateBudget => ({ limit, windowMs: 2000 });
const privateGet = (path: string, budget: RateBudget): OkxEndpoint => ({ path, auth: 'private', budget });

/** Every OKX endpoint LiqPass reads (all GET, read permission), with OKX's limits. */
export const OKX_ENDPOINTS = {
  accountConfig: privateGet('/api/v5/account/config', per2s(5)),
  order: privateGet('/api/v5/trade/order', per2s(60)),
  ordersPending: privateGet('/api/v5/trade/orders-pending', per2s(60)),
  ordersHistory: privateGet('/api/v5/trade/orders-history', per2s(40)),
  ordersHistoryArchive: privateGet('/api/v5/trade/orders-history-archive', per2s(20)),
  fills: privateGet('/api/v5/trade/fills', per2s(60)),
  fillsHistory: privateGet('/api/v5/trade/fills-history', per2s(10)),
  positions: privateGet('/api/v5/account/positions', per2s(10)),
  positionsHistory: privateGet('/api/v5/account/positions-history', per2s(10)),
  bills: privateGet('/api/v5/account/bills', { limit: 5, windowMs: 1000 }),
  billsArchive: privateGet('/api/v5/account/bills-archive', per2s(5)),
  candles: { path: '/api/v5/market/candles', auth: 'public' },
  // OKX.md names /market/mark-price; OKX serves mark prices at /public/mark-price (the
  // simulator serves both), so the client uses the path that exists on OKX.
  markPrice: { path: '/api/v5/public/mark-price', auth: 'public' },
} as const satisfies Record<string, OkxEndpoint>;

export type OkxEndpointName = keyof typeof OKX_ENDPOINTS;
