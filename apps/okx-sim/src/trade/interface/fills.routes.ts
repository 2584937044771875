import { Injectable } from '@nestjs/common';
import { listRecords, parseListQuery } from '../../ledger/application/record-list';
import { LedgerStore } from '../../ledger/infrastructure/ledger.store';
import type { RawQuery } from '../../shared/domain/query-params';
import { RETENTION } from '../../shared/domain/retention';
import { okxGet, type OkxRoute, type OkxRoutes } from '../../shared/interface/okx-route';
import { SimClock } from '../../sim-options';

/** `/trade/fills` (3 days, 60 per 2 s) and `/trade/fills-history` (3 months, instType required, 10 per 2 s). */
@Injectable()
export class FillsRoutes implements OkxRoutes {
  constructor(
    private readonly ledger: LedgerStore,
    private readonly clock: SimClock,
  ) {}

  routes(): OkxRoute[] {
    return [
      okxGet({ path: '/api/v5/trade/fills', access: 'read_only', rateLimit: { limit: 60, windowMs: 2000 } }, ({ key, query }) =>
        this.list(key.uid, query, false, RETENTION.fills),
      ),
      okxGet({ path: '/api/v5/trade/fills-history', access: 'read_only', rateLimit: { limit: 10, windowMs: 2000 } }, ({ key, query }) =>
        this.list(key.uid, query, true, RETENTION.archive),
      ),
    ];
  }

  private list(uid: string, query: RawQuery, instTypeRequired: boolean, retentionMs: number) {
    const list = parseListQuery(query, { instTypeRequired, extra: ['ordId', 'subType'] });
    return listRecords(this.ledger.fillsOf(uid), list, this.clock.now() - retentionMs);
  }
}
