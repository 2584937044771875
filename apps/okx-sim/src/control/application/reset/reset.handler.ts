import { Injectable } from '@nestjs/common';
import { AccountStore } from '../../../accounts/infrastructure/account.store';
import { FaultRules } from '../../../faults/domain/fault-rules';
import { DelayScheduler } from '../../../faults/infrastructure/delay-scheduler';
import { LedgerStore } from '../../../ledger/infrastructure/ledger.store';
import { MarketStore } from '../../../market/infrastructure/market.store';
import { SlidingWindowLimiter } from '../../../rate-limit/domain/sliding-window-limiter';

/** `POST /sim/reset`: back to a fresh simulator — no accounts, orders, faults, counters or moved marks. */
@Injectable()
export class ResetHandler {
  constructor(
    private readonly accounts: AccountStore,
    private readonly ledger: LedgerStore,
    private readonly market: MarketStore,
    private readonly faults: FaultRules,
    private readonly limiter: SlidingWindowLimiter,
    private readonly delays: DelayScheduler,
  ) {}

  execute(): { reset: true } {
    this.faults.clear();
    this.delays.releaseAll();
    this.accounts.reset();
    this.ledger.reset();
    this.market.reset();
    this.limiter.reset();
    return { reset: true };
  }
}
