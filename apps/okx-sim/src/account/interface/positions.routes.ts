import { Injectable } from '@nestjs/common';
import { okxGet, type OkxRoute, type OkxRoutes } from '../../shared/interface/okx-route';
import { PositionsQuery } from '../application/positions.query';

@Injectable()
export class PositionsRoutes implements OkxRoutes {
  constructor(private readonly query: PositionsQuery) {}

  routes(): OkxRoute[] {
    return [
      okxGet({ path: '/api/v5/account/positions', access: 'read_only', rateLimit: { limit: 10, windowMs: 2000 } }, ({ key, query }) =>
        this.query.positions(key.uid, query),
      ),
      okxGet({ path: '/api/v5/account/positions-history', access: 'read_only', rateLimit: { limit: 10, windowMs: 2000 } }, ({ key, query }) =>
        this.query.history(key.uid, query),
      ),
    ];
  }
}
