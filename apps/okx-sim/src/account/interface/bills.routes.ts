import { Injectable } from '@nestjs/common';
import { listRecords, parseListQuery } from '../../ledger/application/record-list';
import { LedgerStore } from '../../ledger/infrastructure/ledger.store';
import type { RawQuery } from '../../shared/domain/query-params';
import { RETENTION } from '../../shared/domain/retention';
import { okxGet, type OkxRoute, type OkxRoutes } from '../../shared/interface/okx-route';
import { SimClock } from '../../sim-options';

const BILL_FILTERS = ['ccy', 'mgnMode', 'type', 'subType'] as const;

/** `/account/bills` (7 days, 5 per second) and `/bills-archive` (3 months, 5 per 2 s). */
@Injectable()
export class BillsRoutes implements OkxRoutes {
  constructor(
    private readonly ledger: LedgerStore,
    private readonly clock: SimClock,
  ) {}

  routes(): OkxRoute[] {
    return [
      okxGet({ path: '/api/v5/account/bills', access: 'read_only', rateLimit: { limit: 5, windowMs: 1000 } }, ({ key, query }) =>
        this.list(key.uid, query, RETENTION.bills),
      ),
      okxGet({ path: '/api/v5/account/bills-archive', access: 'read_only', rateLimit: { limit: 5, windowMs: 2000 } }, ({ key, query }) =>
        this.list(key.uid, query, RETENTION.archive),
      ),
    ];
  }

  private list(uid: string, query: RawQuery, retentionMs: number) {
    const list = parseListQuery(query, { instTypeRequired: false, extra: BILL_FILTERS });
    return listRecords(this.ledger.billsOf(uid), list, this.clock.now() - retentionMs);
  }
}
