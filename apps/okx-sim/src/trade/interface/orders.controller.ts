import { Controller, Query } from '@nestjs/common';
import type { ApiKeyRecord } from '../../accounts/domain/sim-account';
import type { RawQuery } from '../../shared/domain/query-params';
import { RETENTION } from '../../shared/domain/retention';
import { ok } from '../../shared/interface/envelope';
import { AuthedKey, OkxGet } from '../../shared/interface/okx-endpoint.decorator';
import { OrdersQuery } from '../application/orders.query';

const window = (limit: number) => ({ limit, windowMs: 2000 });

@Controller()
export class OrdersController {
  constructor(private readonly query: OrdersQuery) {}

  @OkxGet({ path: '/api/v5/trade/order', access: 'read_only', rateLimit: window(60) })
  order(@AuthedKey() key: ApiKeyRecord, @Query() query: RawQuery) {
    return ok(this.query.order(key.uid, query));
  }

  @OkxGet({ path: '/api/v5/trade/orders-pending', access: 'read_only', rateLimit: window(60) })
  pending(@AuthedKey() key: ApiKeyRecord, @Query() query: RawQuery) {
    return ok(this.query.pending(key.uid, query));
  }

  @OkxGet({ path: '/api/v5/trade/orders-history', access: 'read_only', rateLimit: window(40) })
  history(@AuthedKey() key: ApiKeyRecord, @Query() query: RawQuery) {
    return ok(this.query.history(key.uid, query, RETENTION.ordersHistory));
  }

  @OkxGet({ path: '/api/v5/trade/orders-history-archive', access: 'read_only', rateLimit: window(20) })
  archive(@AuthedKey() key: ApiKeyRecord, @Query() query: RawQuery) {
    return ok(this.query.history(key.uid, query, RETENTION.archive));
  }
}
