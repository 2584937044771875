import { Injectable } from '@nestjs/common';
import { AccountStore } from '../../../accounts/infrastructure/account.store';
import { RiskService } from '../../../ledger/application/risk.service';
import { closePosition, type CloseKind } from '../../../ledger/domain/close-position';
import { isBeyondLiquidation } from '../../../ledger/domain/liquidation-price';
import type { PositionState } from '../../../ledger/domain/position';
import { LedgerStore } from '../../../ledger/infrastructure/ledger.store';
import type { Instrument } from '../../../market/domain/instrument';
import { MarketStore } from '../../../market/infrastructure/market.store';
import { fmt } from '../../../shared/domain/decimal';
import { SimClock } from '../../../sim-options';
import { ControlError } from '../../domain/control-error';
import { requireAccount, requireInstrument, toLots } from '../control-lookups';
import type { AdlCommand, CloseCommand, LiquidateCommand } from './close-position.command';

interface CloseRequest {
  readonly uid: string;
  readonly posId: string;
  readonly kind: CloseKind;
  readonly sz?: number;
  readonly px?: number;
  readonly ts?: number;
}

/** Liquidations, ADL and manual closes: each a separate order on the position, as on OKX. */
@Injectable()
export class ClosePositionHandler {
  constructor(
    private readonly accounts: AccountStore,
    private readonly ledger: LedgerStore,
    private readonly market: MarketStore,
    private readonly risk: RiskService,
    private readonly clock: SimClock,
  ) {}

  liquidate(command: LiquidateCommand) {
    return this.execute({ ...command, kind: command.kind === 'full' ? 'full_liquidation' : 'partial_liquidation' });
  }

  adl(command: AdlCommand) {
    return this.execute({ ...command, kind: 'adl' });
  }

  close(command: CloseCommand) {
    return this.execute({ ...command, kind: 'manual' });
  }

  execute(request: CloseRequest) {
    const account = requireAccount(this.accounts, request.uid);
    const position = this.ledger.openPosition(account.uid, request.posId);
    if (!position) throw new ControlError('SIM_POSITION_NOT_FOUND', `no open position ${request.posId} on account ${account.uid}`);
    const instrument = requireInstrument(position.instId);
    const ts = request.ts ?? this.clock.now();
    if (ts < position.uTime) throw new ControlError('SIM_INVALID_STATE', 'ts is before the position was last updated');
    const sz = this.sizeOf(request, position, instrument);
    const { px, triggerPx } = this.pricesOf(request, position);
    const ids = { ordId: this.ledger.ids.next(ts), billId: this.ledger.ids.next(ts), tradeId: this.ledger.ids.nextTradeId() };
    const outcome = closePosition({
      position, instrument, kind: request.kind, sz, px, markPx: triggerPx, ts, cashBal: account.cashBal,
      history: this.ledger.historyFor(position.posId, position.cTime), ids,
    });
    account.cashBal += outcome.balChg;
    if (outcome.position) this.ledger.savePosition(outcome.position);
    else this.ledger.closePosition(position, ts);
    this.ledger.saveHistory(outcome.history);
    this.ledger.addOrder(account.uid, outcome.order);
    this.ledger.addFill(account.uid, outcome.fill);
    this.ledger.addBill(account.uid, outcome.bill);
    return {
      ordId: ids.ordId, fillTime: String(ts), category: outcome.order.category, posId: position.posId,
      cTime: String(position.cTime), sz: fmt(sz), fillPx: outcome.order.fillPx, type: String(outcome.history.type),
      remainingPos: fmt(outcome.position?.size ?? 0),
    };
  }

  private sizeOf(request: CloseRequest, position: PositionState, instrument: Instrument): number {
    if (request.kind === 'full_liquidation') {
      if (request.sz !== undefined && Math.abs(request.sz - position.size) > 1e-9) {
        throw new ControlError('SIM_BAD_REQUEST', 'a full liquidation closes the whole position; use kind partial for part of it');
      }
      return position.size;
    }
    const fallback = request.kind === 'partial_liquidation' ? position.size / 2 : position.size;
    const sz = toLots(instrument, request.sz ?? fallback);
    if (sz <= 0) throw new ControlError('SIM_BAD_REQUEST', `sz is below the lot size ${instrument.lotSz}`);
    if (sz > position.size + 1e-9) throw new ControlError('SIM_BAD_REQUEST', `sz exceeds the open position ${fmt(position.size)}`);
    if (request.kind === 'partial_liquidation' && sz >= position.size - 1e-9) {
      throw new ControlError('SIM_BAD_REQUEST', 'a partial liquidation must leave part of the position open');
    }
    return sz;
  }

  /**
   * A liquidation triggers at the mark price when the mark has crossed the liquidation price,
   * otherwise at the liquidation price itself (as if the mark had just touched it), and fills
   * there. ADL fills at the mark; a manual close at the given price or the mark.
   */
  private pricesOf(request: CloseRequest, position: PositionState): { px: number; triggerPx: number } {
    const markPx = this.market.markOf(position.instId).markPx;
    if (request.kind === 'manual') return { px: request.px ?? markPx, triggerPx: markPx };
    if (request.kind === 'adl') return { px: markPx, triggerPx: markPx };
    const liqPx = this.risk.riskOf(position).liqPx;
    const triggerPx = liqPx === null || isBeyondLiquidation(position.direction, markPx, liqPx) ? markPx : liqPx;
    return { px: triggerPx, triggerPx };
  }
}
