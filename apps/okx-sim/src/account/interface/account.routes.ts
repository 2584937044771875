import { Injectable } from '@nestjs/common';
import { okxGet, okxPost, type OkxRoute, type OkxRoutes } from '../../shared/interface/okx-route';
import { AccountQuery } from '../application/account.query';
import { SetLeverageHandler } from '../application/set-leverage.handler';

const TWO_SECONDS = 2000;

@Injectable()
export class AccountRoutes implements OkxRoutes {
  constructor(
    private readonly query: AccountQuery,
    private readonly setLeverage: SetLeverageHandler,
  ) {}

  routes(): OkxRoute[] {
    return [
      okxGet({ path: '/api/v5/account/config', access: 'read_only', rateLimit: { limit: 5, windowMs: TWO_SECONDS } }, ({ key }) => this.query.config(key)),
      okxGet({ path: '/api/v5/account/balance', access: 'read_only', rateLimit: { limit: 10, windowMs: TWO_SECONDS } }, ({ key, query }) =>
        this.query.balance(key, query),
      ),
      okxPost({ path: '/api/v5/account/set-leverage', access: 'trade', rateLimit: { limit: 20, windowMs: TWO_SECONDS } }, ({ key, body }) =>
        this.setLeverage.execute(key, body),
      ),
    ];
  }
}
