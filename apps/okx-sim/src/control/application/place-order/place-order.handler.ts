import { Injectable } from '@nestjs/common';
import { AccountStore } from '../../../accounts/infrastructure/account.store';
import { orderView } from '../../../ledger/domain/okx-records';
import { LedgerStore } from '../../../ledger/infrastructure/ledger.store';
import { decimalsOf } from '../../../market/domain/instrument';
import { MarketStore } from '../../../market/infrastructure/market.store';
import { fmt } from '../../../shared/domain/decimal';
import { SimClock } from '../../../sim-options';
import { requireAccount, requireInstrument } from '../control-lookups';
import type { PlaceOrderCommand } from './place-order.command';

@Injectable()
export class PlaceOrderHandler {
  constructor(
    private readonly accounts: AccountStore,
    private readonly ledger: LedgerStore,
    private readonly market: MarketStore,
    private readonly clock: SimClock,
  ) {}

  execute(command: PlaceOrderCommand) {
    const account = requireAccount(this.accounts, command.uid);
    const instrument = requireInstrument(command.instId);
    const ts = command.ts ?? this.clock.now();
    const ordId = this.ledger.ids.next(ts);
    const price = fmt(command.px ?? this.market.markOf(instrument.instId).markPx, decimalsOf(instrument.tickSz));
    const traded = command.state === 'filled' ? command.sz : command.state === 'partially_filled' ? command.sz / 2 : 0;
    const view = orderView({
      instType: instrument.instType, instId: instrument.instId, ordId, clOrdId: command.clOrdId, category: command.category,
      state: command.state, ordType: command.ordType, side: command.side, posSide: command.posSide, tdMode: command.tdMode,
      sz: fmt(command.sz), px: command.ordType === 'market' ? '' : price, lever: fmt(command.lever), reduceOnly: String(command.reduceOnly),
      cTime: ts, uTime: ts,
      fill: traded > 0 ? { px: price, sz: fmt(traded), tradeId: this.ledger.ids.nextTradeId(), pnl: '0', fee: '0', time: ts } : undefined,
    });
    this.ledger.addOrder(account.uid, view);
    return { ordId, cTime: String(ts), state: command.state, category: command.category };
  }
}
