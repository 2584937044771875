import { Controller, Query } from '@nestjs/common';
import type { RawQuery } from '../../shared/domain/query-params';
import { ok } from '../../shared/interface/envelope';
import { OkxGet } from '../../shared/interface/okx-endpoint.decorator';
import { MarketQuery } from '../application/market.query';

/**
 * Public routes. OKX.md names `/market/mark-price`; real OKX serves mark prices at
 * `/public/mark-price`, so both answer here.
 */
@Controller()
export class MarketController {
  constructor(private readonly query: MarketQuery) {}

  @OkxGet({ path: '/api/v5/market/candles', access: 'public' })
  candles(@Query() query: RawQuery) {
    return ok(this.query.candles(query));
  }

  @OkxGet({ path: '/api/v5/market/mark-price', access: 'public' })
  markPrice(@Query() query: RawQuery) {
    return ok(this.query.markPrices(query));
  }

  @OkxGet({ path: '/api/v5/public/mark-price', access: 'public' })
  publicMarkPrice(@Query() query: RawQuery) {
    return ok(this.query.markPrices(query));
  }

  @OkxGet({ path: '/api/v5/public/instruments', access: 'public' })
  instruments(@Query() query: RawQuery) {
    return ok(this.query.instruments(query));
  }
}
