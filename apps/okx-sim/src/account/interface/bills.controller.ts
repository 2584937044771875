import { Controller, Query } from '@nestjs/common';
import type { ApiKeyRecord } from '../../accounts/domain/sim-account';
import { listRecords, parseListQuery } from '../../ledger/application/record-list';
import { LedgerStore } from '../../ledger/infrastructure/ledger.store';
import type { RawQuery } from '../../shared/domain/query-params';
import { RETENTION } from '../../shared/domain/retention';
import { ok } from '../../shared/interface/envelope';
import { AuthedKey, OkxGet } from '../../shared/interface/okx-endpoint.decorator';
import { SimClock } from '../../sim-options';

const BILL_FILTERS = ['ccy', 'mgnMode', 'type', 'subType'] as const;

/** `/account/bills` (7 days, 5 per second) and `/bills-archive` (3 months, 5 per 2 s). */
@Controller()
export class BillsController {
  constructor(
    private readonly ledger: LedgerStore,
    private readonly clock: SimClock,
  ) {}

  @OkxGet({ path: '/api/v5/account/bills', access: 'read_only', rateLimit: { limit: 5, windowMs: 1000 } })
  bills(@AuthedKey() key: ApiKeyRecord, @Query() query: RawQuery) {
    return ok(this.list(key.uid, query, RETENTION.bills));
  }

  @OkxGet({ path: '/api/v5/account/bills-archive', access: 'read_only', rateLimit: { limit: 5, windowMs: 2000 } })
  archive(@AuthedKey() key: ApiKeyRecord, @Query() query: RawQuery) {
    return ok(this.list(key.uid, query, RETENTION.archive));
  }

  private list(uid: string, query: RawQuery, retentionMs: number) {
    const list = parseListQuery(query, { instTypeRequired: false, extra: BILL_FILTERS });
    return listRecords(this.ledger.billsOf(uid), list, this.clock.now() - retentionMs);
  }
}
