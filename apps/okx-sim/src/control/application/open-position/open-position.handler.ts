import { Injectable } from '@nestjs/common';
import { AccountStore } from '../../../accounts/infrastructure/account.store';
import { RiskService } from '../../../ledger/application/risk.service';
import { openPosition } from '../../../ledger/domain/open-position';
import type { Direction } from '../../../ledger/domain/position';
import { LedgerStore } from '../../../ledger/infrastructure/ledger.store';
import { MarketStore } from '../../../market/infrastructure/market.store';
import { decimalsOf } from '../../../market/domain/instrument';
import { fmt } from '../../../shared/domain/decimal';
import { RETENTION } from '../../../shared/domain/retention';
import { SimClock } from '../../../sim-options';
import { ControlError } from '../../domain/control-error';
import { requireAccount, requireInstrument, toLots } from '../control-lookups';
import type { OpenPositionCommand } from './open-position.command';

@Injectable()
export class OpenPositionHandler {
  constructor(
    private readonly accounts: AccountStore,
    private readonly ledger: LedgerStore,
    private readonly market: MarketStore,
    private readonly risk: RiskService,
    private readonly clock: SimClock,
  ) {}

  execute(command: OpenPositionCommand) {
    const account = requireAccount(this.accounts, command.uid);
    const instrument = requireInstrument(command.instId);
    const direction = this.directionOf(command, account.posMode === 'net_mode');
    if (command.lever < 1 || command.lever > instrument.maxLever) {
      throw new ControlError('SIM_BAD_REQUEST', `lever must be between 1 and ${instrument.maxLever} for ${instrument.instId}`);
    }
    const sz = toLots(instrument, command.sz);
    if (sz <= 0) throw new ControlError('SIM_BAD_REQUEST', `sz is below the lot size ${instrument.lotSz}`);
    const ts = command.ts ?? this.clock.now();
    const existing = this.ledger.findSamePosition(account.uid, instrument.instId, command.posSide, command.mgnMode);
    if (existing && existing.direction !== direction) throw new ControlError('SIM_INVALID_STATE', 'reduce a net position with /sim/close');
    if (existing && ts < existing.uTime) throw new ControlError('SIM_INVALID_STATE', 'ts is before the position was last updated');
    const posId =
      this.ledger.reusablePosId(account.uid, instrument.instId, command.posSide, command.mgnMode, ts, RETENTION.posIdReuse) ??
      this.ledger.ids.next(ts);
    const ids = { ordId: this.ledger.ids.next(ts), billId: this.ledger.ids.next(ts), tradeId: this.ledger.ids.nextTradeId() };
    const outcome = openPosition({
      uid: account.uid, instrument, existing, posId, posSide: command.posSide, direction, mgnMode: command.mgnMode,
      lever: command.lever, sz, px: command.avgPx, markPx: this.market.markOf(instrument.instId).markPx, ts,
      cashBal: account.cashBal, ids,
    });
    account.cashBal += outcome.balChg;
    this.ledger.savePosition(outcome.position);
    this.ledger.addOrder(account.uid, outcome.order);
    this.ledger.addFill(account.uid, outcome.fill);
    this.ledger.addBill(account.uid, outcome.bill);
    const liqPx = this.risk.riskOf(outcome.position).liqPx;
    return {
      ordId: ids.ordId,
      posId: outcome.position.posId,
      cTime: String(outcome.position.cTime),
      liqPx: liqPx === null ? '' : fmt(liqPx, decimalsOf(instrument.tickSz)),
      avgPx: fmt(outcome.position.avgPx),
      pos: fmt(outcome.position.size),
    };
  }

  /** OKX refuses a posSide that does not fit the account's position mode. */
  private directionOf(command: OpenPositionCommand, netMode: boolean): Direction {
    if (netMode !== (command.posSide === 'net')) {
      throw new ControlError('SIM_BAD_REQUEST', netMode ? 'a net_mode account takes posSide net' : 'posSide net needs a net_mode account');
    }
    if (command.posSide === 'net') {
      if (!command.side) throw new ControlError('SIM_BAD_REQUEST', 'side (buy or sell) is required for posSide net');
      return command.side === 'buy' ? 'long' : 'short';
    }
    if (command.side && command.side !== (command.posSide === 'long' ? 'buy' : 'sell')) {
      throw new ControlError('SIM_BAD_REQUEST', `side ${command.side} does not open a ${command.posSide} position`);
    }
    return command.posSide;
  }
}
