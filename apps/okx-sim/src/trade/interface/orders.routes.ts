import { Injectable } from '@nestjs/common';
import { RETENTION } from '../../shared/domain/retention';
import { okxGet, type OkxRoute, type OkxRoutes } from '../../shared/interface/okx-route';
import { OrdersQuery } from '../application/orders.query';

const window = (limit: number) => ({ limit, windowMs: 2000 });

@Injectable()
export class OrdersRoutes implements OkxRoutes {
  constructor(private readonly query: OrdersQuery) {}

  routes(): OkxRoute[] {
    return [
      okxGet({ path: '/api/v5/trade/order', access: 'read_only', rateLimit: window(60) }, ({ key, query }) => this.query.order(key.uid, query)),
      okxGet({ path: '/api/v5/trade/orders-pending', access: 'read_only', rateLimit: window(60) }, ({ key, query }) => this.query.pending(key.uid, query)),
      okxGet({ path: '/api/v5/trade/orders-history', access: 'read_only', rateLimit: window(40) }, ({ key, query }) =>
        this.query.history(key.uid, query, RETENTION.ordersHistory),
      ),
      okxGet({ path: '/api/v5/trade/orders-history-archive', access: 'read_only', rateLimit: window(20) }, ({ key, query }) =>
        this.query.history(key.uid, query, RETENTION.archive),
      ),
    ];
  }
}
