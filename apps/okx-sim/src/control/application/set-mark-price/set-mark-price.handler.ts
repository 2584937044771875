import { Injectable } from '@nestjs/common';
import { RiskService } from '../../../ledger/application/risk.service';
import { isBeyondLiquidation } from '../../../ledger/domain/liquidation-price';
import { LedgerStore } from '../../../ledger/infrastructure/ledger.store';
import { decimalsOf } from '../../../market/domain/instrument';
import { MarketStore } from '../../../market/infrastructure/market.store';
import { fmt } from '../../../shared/domain/decimal';
import { SimClock } from '../../../sim-options';
import { ClosePositionHandler } from '../close-position/close-position.handler';
import { requireInstrument } from '../control-lookups';
import type { SetMarkPriceCommand } from './set-mark-price.command';

@Injectable()
export class SetMarkPriceHandler {
  constructor(
    private readonly market: MarketStore,
    private readonly ledger: LedgerStore,
    private readonly risk: RiskService,
    private readonly closer: ClosePositionHandler,
    private readonly clock: SimClock,
  ) {}

  execute(command: SetMarkPriceCommand) {
    const instrument = requireInstrument(command.instId);
    const ts = command.ts ?? this.clock.now();
    this.market.setMark(instrument.instId, command.markPx, ts);
    const result = { instId: instrument.instId, markPx: fmt(command.markPx, decimalsOf(instrument.tickSz)) };
    if (!command.liquidate) return result;
    const doomed = this.ledger
      .allOpenPositions()
      .filter((p) => p.instId === instrument.instId && isBeyondLiquidation(p.direction, command.markPx, this.risk.riskOf(p).liqPx));
    const liquidated = doomed.map((p) => ({ uid: p.uid, ...this.closer.execute({ uid: p.uid, posId: p.posId, kind: 'full_liquidation', ts: Math.max(ts, p.uTime) }) }));
    return { ...result, liquidated };
  }
}
