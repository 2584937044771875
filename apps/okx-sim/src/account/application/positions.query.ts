import { Injectable } from '@nestjs/common';
import { RiskService } from '../../ledger/application/risk.service';
import { LedgerStore } from '../../ledger/infrastructure/ledger.store';
import { findInstrument, INST_TYPES } from '../../market/domain/instrument';
import { OkxError } from '../../shared/domain/okx-error';
import { pageNewestFirst } from '../../shared/domain/pagination';
import { cursorParam, limitParam, listParam, optionalEnum, optionalString, type RawQuery } from '../../shared/domain/query-params';
import { RETENTION } from '../../shared/domain/retention';
import { SimClock } from '../../sim-options';
import { positionHistoryView } from '../domain/position-history.view';
import { positionView } from '../domain/position.view';

function requireKnown(instIds: readonly string[] | undefined): void {
  if (instIds?.some((instId) => !findInstrument(instId))) throw new OkxError('51001');
}

/** `/account/positions` (open positions) and `/account/positions-history` (3 months, by uTime). */
@Injectable()
export class PositionsQuery {
  constructor(
    private readonly ledger: LedgerStore,
    private readonly risk: RiskService,
    private readonly clock: SimClock,
  ) {}

  positions(uid: string, query: RawQuery) {
    const instType = optionalEnum(query, 'instType', INST_TYPES);
    const instIds = listParam(query, 'instId', 10);
    const posIds = listParam(query, 'posId', 20);
    requireKnown(instIds);
    return this.ledger
      .openPositions(uid)
      .filter((p) => !instIds || instIds.includes(p.instId))
      .filter((p) => !posIds || posIds.includes(p.posId))
      .map((p) => ({ p, instrument: this.risk.instrumentOf(p.instId) }))
      .filter(({ instrument }) => !instType || instrument.instType === instType)
      .sort((a, b) => b.p.uTime - a.p.uTime)
      .map(({ p, instrument }) => positionView(p, instrument, this.risk.riskOf(p)));
  }

  history(uid: string, query: RawQuery) {
    const instType = optionalEnum(query, 'instType', INST_TYPES);
    const instId = optionalString(query, 'instId');
    const mgnMode = optionalEnum(query, 'mgnMode', ['isolated', 'cross']);
    const type = optionalEnum(query, 'type', ['1', '2', '3', '4', '5', '6']);
    const posId = optionalString(query, 'posId');
    const page = { after: cursorParam(query, 'after'), before: cursorParam(query, 'before'), limit: limitParam(query) };
    requireKnown(instId ? [instId] : undefined);
    const oldest = this.clock.now() - RETENTION.archive;
    const records = this.ledger
      .historyOf(uid)
      .filter((h) => h.uTime >= oldest)
      .filter((h) => (!instId || h.instId === instId) && (!mgnMode || h.mgnMode === mgnMode))
      .filter((h) => (!type || String(h.type) === type) && (!posId || h.posId === posId))
      .map((h) => ({ h, instrument: this.risk.instrumentOf(h.instId) }))
      .filter(({ instrument }) => !instType || instrument.instType === instType);
    return pageNewestFirst(records, ({ h }) => ({ cursor: BigInt(h.uTime), timeMs: h.uTime }), page).map(({ h, instrument }) =>
      positionHistoryView(h, instrument),
    );
  }
}
