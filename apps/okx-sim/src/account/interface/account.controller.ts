import { Body, Controller, Query } from '@nestjs/common';
import type { ApiKeyRecord } from '../../accounts/domain/sim-account';
import type { RawQuery } from '../../shared/domain/query-params';
import { ok } from '../../shared/interface/envelope';
import { AuthedKey, OkxGet, OkxPost } from '../../shared/interface/okx-endpoint.decorator';
import { AccountQuery } from '../application/account.query';
import { SetLeverageHandler } from '../application/set-leverage.handler';

const TWO_SECONDS = 2000;

@Controller()
export class AccountController {
  constructor(
    private readonly query: AccountQuery,
    private readonly setLeverage: SetLeverageHandler,
  ) {}

  @OkxGet({ path: '/api/v5/account/config', access: 'read_only', rateLimit: { limit: 5, windowMs: TWO_SECONDS } })
  config(@AuthedKey() key: ApiKeyRecord) {
    return ok(this.query.config(key));
  }

  @OkxGet({ path: '/api/v5/account/balance', access: 'read_only', rateLimit: { limit: 10, windowMs: TWO_SECONDS } })
  balance(@AuthedKey() key: ApiKeyRecord, @Query() query: RawQuery) {
    return ok(this.query.balance(key, query));
  }

  @OkxPost({ path: '/api/v5/account/set-leverage', access: 'trade', rateLimit: { limit: 20, windowMs: TWO_SECONDS } })
  leverage(@AuthedKey() key: ApiKeyRecord, @Body() body: unknown) {
    return ok(this.setLeverage.execute(key, body));
  }
}
