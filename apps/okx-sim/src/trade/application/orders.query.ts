import { Injectable } from '@nestjs/common';
import { listRecords, parseListQuery } from '../../ledger/application/record-list';
import { LedgerStore } from '../../ledger/infrastructure/ledger.store';
import { findInstrument } from '../../market/domain/instrument';
import { OkxError } from '../../shared/domain/okx-error';
import { optionalEnum, optionalString, requiredString, type RawQuery } from '../../shared/domain/query-params';
import { RETENTION } from '../../shared/domain/retention';
import { SimClock } from '../../sim-options';

const PENDING_STATES = ['live', 'partially_filled'];
const COMPLETED_STATES = ['filled', 'canceled', 'mmp_canceled'];

/** Order detail, open orders, and completed orders over 7 days or (archive) 3 months. */
@Injectable()
export class OrdersQuery {
  constructor(
    private readonly ledger: LedgerStore,
    private readonly clock: SimClock,
  ) {}

  /** Any order of a live instrument, whatever its age; ordId wins over clOrdId. */
  order(uid: string, query: RawQuery) {
    const instId = requiredString(query, 'instId');
    const ordId = optionalString(query, 'ordId');
    const clOrdId = optionalString(query, 'clOrdId');
    if (!ordId && !clOrdId) throw new OkxError('50014', 'ordId');
    if (!findInstrument(instId)) throw new OkxError('51001');
    const found = this.ledger
      .ordersOf(uid)
      .find((o) => o.view.instId === instId && (ordId ? o.view.ordId === ordId : o.view.clOrdId === clOrdId));
    if (!found) throw new OkxError('51603');
    return [found.view];
  }

  pending(uid: string, query: RawQuery) {
    const state = optionalEnum(query, 'state', PENDING_STATES);
    const list = parseListQuery(query, { instTypeRequired: false, extra: ['ordType'] });
    const open = this.ledger.ordersOf(uid).filter((o) => PENDING_STATES.includes(o.view.state));
    return listRecords(open, { ...list, equals: { ...list.equals, state } }, 0);
  }

  history(uid: string, query: RawQuery, retentionMs: number = RETENTION.ordersHistory) {
    const state = optionalEnum(query, 'state', COMPLETED_STATES);
    const list = parseListQuery(query, { instTypeRequired: true, extra: ['ordType', 'category'] });
    const done = this.ledger.ordersOf(uid).filter((o) => COMPLETED_STATES.includes(o.view.state));
    return listRecords(done, { ...list, equals: { ...list.equals, state } }, this.clock.now() - retentionMs);
  }
}
