import { Controller, Query } from '@nestjs/common';
import type { ApiKeyRecord } from '../../accounts/domain/sim-account';
import type { RawQuery } from '../../shared/domain/query-params';
import { ok } from '../../shared/interface/envelope';
import { AuthedKey, OkxGet } from '../../shared/interface/okx-endpoint.decorator';
import { PositionsQuery } from '../application/positions.query';

@Controller()
export class PositionsController {
  constructor(private readonly query: PositionsQuery) {}

  @OkxGet({ path: '/api/v5/account/positions', access: 'read_only', rateLimit: { limit: 10, windowMs: 2000 } })
  positions(@AuthedKey() key: ApiKeyRecord, @Query() query: RawQuery) {
    return ok(this.query.positions(key.uid, query));
  }

  @OkxGet({ path: '/api/v5/account/positions-history', access: 'read_only', rateLimit: { limit: 10, windowMs: 2000 } })
  history(@AuthedKey() key: ApiKeyRecord, @Query() query: RawQuery) {
    return ok(this.query.history(key.uid, query));
  }
}
