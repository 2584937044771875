import { Injectable } from '@nestjs/common';
import { publicGet, type OkxRoute, type OkxRoutes } from '../../shared/interface/okx-route';
import { MarketQuery } from '../application/market.query';

/**
 * Public routes. OKX.md names `/market/mark-price`; real OKX serves mark prices at
 * `/public/mark-price`, so both answer here.
 */
@Injectable()
export class MarketRoutes implements OkxRoutes {
  constructor(private readonly query: MarketQuery) {}

  routes(): OkxRoute[] {
    return [
      publicGet('/api/v5/market/candles', (query) => this.query.candles(query)),
      publicGet('/api/v5/market/mark-price', (query) => this.query.markPrices(query)),
      publicGet('/api/v5/public/mark-price', (query) => this.query.markPrices(query)),
      publicGet('/api/v5/public/instruments', (query) => this.query.instruments(query)),
    ];
  }
}
