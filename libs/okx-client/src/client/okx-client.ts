import { OKX_ENDPOINTS } from '../endpoints/okx-endpoints';
import type { OkxCandle, OkxMarkPrice } from '../records/okx-records';
import { OkxAccountClient } from './okx-account.client';
import { resolveOkxClientOptions, type OkxClientOptions, type OkxCredentials, type ResolvedOkxClientOptions } from './okx-client.options';
import { OkxHttp, type OkxResult } from './okx-http';
import type { CandlesQuery, MarkPriceQuery } from './okx-queries';

/**
 * The OKX v5 REST client (read-only endpoints of OKX.md). One instance per process: its
 * limiter tracks every key's budget per endpoint. `forAccount` gives the signed endpoints of
 * one trader's key; the public market endpoints are here.
 */
export class OkxClient {
  private readonly http: OkxHttp;
  readonly options: ResolvedOkxClientOptions;

  constructor(options: OkxClientOptions) {
    this.options = resolveOkxClientOptions(options);
    this.http = new OkxHttp(this.options);
  }

  forAccount(credentials: OkxCredentials): OkxAccountClient {
    return new OkxAccountClient(this.http, credentials);
  }

  getCandles(query: CandlesQuery): Promise<OkxResult<OkxCandle>> {
    return this.http.get(OKX_ENDPOINTS.candles, query);
  }

  getMarkPrice(query: MarkPriceQuery): Promise<OkxResult<OkxMarkPrice>> {
    return this.http.get(OKX_ENDPOINTS.markPrice, query);
  }

  /** One unretried public call, for health checks: OKX answers, with a well-formed envelope. */
  async checkReachable(): Promise<void> {
    await this.http.get(OKX_ENDPOINTS.markPrice, { instType: 'SWAP', instId: 'BTC-USDT-SWAP' }, undefined, { maxAttempts: 1 });
  }
}
